"""Internal API service."""
