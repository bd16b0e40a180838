"""Semrush (API key): a domain's overview, its organic keywords and its backlinks, stored in the
analytics store as the day's snapshot."""
