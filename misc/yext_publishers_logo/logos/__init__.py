"""Publisher logos, fetched from where they are hosted and cached in Redis."""
