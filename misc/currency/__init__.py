"""Currency service."""
