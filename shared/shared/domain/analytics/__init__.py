"""The analytics store: every source's numbers as daily metrics (`shared.models.
analytics_daily_metric`), written only by `upsert_daily_metrics` and read by the queries in
`repository.py` (reports' widgets, the dashboard's summary)."""
