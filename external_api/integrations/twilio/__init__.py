"""Twilio: SMS sent from the account's numbers, numbers searched, bought and listed, and the
signed callbacks (inbound SMS into the contact's conversation, delivery statuses)."""
