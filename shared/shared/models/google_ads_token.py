"""An account's Google Ads connection: its OAuth tokens, sealed."""

from shared.models.integration_credential import OAuthCredential


class GoogleAdsToken(OAuthCredential):
    class Settings:
        name = "google_ads_tokens"
