"""The providers notifications leave through: SendGrid, Twilio, FCM, Expo, or the outbox."""
