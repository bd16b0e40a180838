"""Each user's notification preferences: channels, kinds of notification, quiet hours."""
