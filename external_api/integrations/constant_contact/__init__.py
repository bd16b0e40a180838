"""Constant Contact (v3 API, OAuth 2 with refresh tokens): a CRM tag synced to a list, the
list's unsubscribes polled back, campaign reports into the analytics store."""
