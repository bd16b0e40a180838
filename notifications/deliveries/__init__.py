"""Sending notifications: the POST endpoints, the one send function, the delivery log."""
