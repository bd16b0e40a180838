"""General socket service."""
