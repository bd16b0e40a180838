"""Features the platform's operators turn on or off per account (internal_api's admin sets
them; whatever a flag gates reads it with `flags.is_enabled`)."""
