"""Email-marketing list syncs as the queue manager asks them of the external API."""
