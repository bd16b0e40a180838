"""An account's Google Business Profile connection: its OAuth tokens, sealed."""

from shared.models.integration_credential import OAuthCredential


class GoogleBusinessToken(OAuthCredential):
    class Settings:
        name = "google_business_tokens"
