"""Sites: the business data an account's websites show, kept in step with its profile."""
