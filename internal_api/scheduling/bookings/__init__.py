"""Bookings, as the account's users see and cancel them."""
