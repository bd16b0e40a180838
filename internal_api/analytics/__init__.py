"""/v1/analytics: the dashboard's overview tiles for a date range in one request."""
