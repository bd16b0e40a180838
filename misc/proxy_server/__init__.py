"""Outbound proxy service."""
