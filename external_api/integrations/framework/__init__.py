"""The integration framework: see `external_api.integrations` for how a provider uses it."""
