"""An account's Facebook (Graph API) connection: its OAuth tokens, sealed."""

from shared.models.integration_credential import OAuthCredential


class FacebookToken(OAuthCredential):
    class Settings:
        name = "facebook_tokens"
