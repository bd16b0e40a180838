"""Beamer: the platform's product-update posts, on the platform's own Beamer account."""
