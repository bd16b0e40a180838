"""What each account has used of the AI features, and the limits on it."""
