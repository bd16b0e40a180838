"""Texts written from a versioned prompt template per kind, as schema-constrained JSON."""
