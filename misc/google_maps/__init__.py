"""Google Maps service."""
