"""What would have been sent, when no provider is configured."""
