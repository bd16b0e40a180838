"""The analytics store's pulls as the queue manager asks them of the external API."""
