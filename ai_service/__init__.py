"""AI service service."""
