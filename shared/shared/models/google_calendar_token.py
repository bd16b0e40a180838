"""An account's Google Calendar connection (free/busy of its users' calendars): its OAuth
tokens, sealed."""

from shared.models.integration_credential import OAuthCredential


class GoogleCalendarToken(OAuthCredential):
    class Settings:
        name = "google_calendar_tokens"
