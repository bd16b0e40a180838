"""Unsubscribe links of marketing email: signed, public, one-click (RFC 8058)."""
