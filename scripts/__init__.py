"""Developer commands and the embedded supervisor; not a service, so it may import them all."""
