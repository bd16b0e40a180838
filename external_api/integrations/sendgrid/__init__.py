"""SendGrid: mail sent with the account's own SendGrid key, and its signed event webhook
(delivered, bounced, opened, ...) handed to the queue manager."""
