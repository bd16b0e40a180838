"""An account's Microsoft Advertising (Bing Ads) connection: its OAuth tokens, sealed."""

from shared.models.integration_credential import OAuthCredential


class BingAdsToken(OAuthCredential):
    class Settings:
        name = "bing_ads_tokens"
