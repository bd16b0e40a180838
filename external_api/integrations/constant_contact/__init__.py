"""Constant Contact (v3 API, OAuth 2 with refresh tokens): campaign reports into the analytics
store."""
