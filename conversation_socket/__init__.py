"""Conversation socket service."""
