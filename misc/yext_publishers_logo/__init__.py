"""Yext publisher logos service."""
