"""External API service."""
