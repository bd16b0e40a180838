"""What each provider's webhook events do, one module per provider (`handle(event)`), run by
the `integrations.process_webhook` task."""
