"""Inbound: every lead of an account in one list, whatever its source, with per-source counts
by day and each contact's first and last touch."""
