"""An account's TikTok (Marketing API) connection: its long-term access token, sealed, and
the advertiser ids it reaches (in `options`)."""

from shared.models.integration_credential import OAuthCredential


class TiktokToken(OAuthCredential):
    class Settings:
        name = "tiktok_tokens"
