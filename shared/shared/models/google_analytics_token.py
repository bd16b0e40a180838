"""An account's Google Analytics (GA4) connection: its OAuth tokens, sealed."""

from shared.models.integration_credential import OAuthCredential


class GoogleAnalyticsToken(OAuthCredential):
    class Settings:
        name = "google_analytics_tokens"
