"""Custom domains of an account's sites and funnels (`/v1/domains`)."""
