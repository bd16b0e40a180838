"""What an InstaReport's build reads through the platform's other services."""
