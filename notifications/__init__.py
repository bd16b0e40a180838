"""Notifications service."""
