"""What the URL shortener's two sides share: the redirect (internal_api) records clicks, the
queue manager stores and counts them."""
