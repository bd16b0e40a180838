"""Status reports from the providers: SendGrid's Event Webhook, Twilio's status callback."""
