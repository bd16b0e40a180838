"""Clicks on short links: drained from the redirect's Redis stream, stored, counted by day."""
