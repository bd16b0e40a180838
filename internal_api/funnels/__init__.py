"""Funnels and hosted sites: their steps, each step's page (a draft of blocks, published as
immutable versions), clones into the agency's accounts, and the public pages
(`public_routes.py`). The rules that the queue manager shares live in `shared.domain.funnels`."""
