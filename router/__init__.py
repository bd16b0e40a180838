"""Router service."""
