"""Queue manager service."""
