"""Custom domains: proving them by DNS, routing them to their site or funnel, their TLS."""
