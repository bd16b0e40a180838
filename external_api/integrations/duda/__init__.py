"""Duda (website builder, the platform's partner account): sites made from a template for an
account, published, and opened in Duda's editor through a single-sign-on link."""
