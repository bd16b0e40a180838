"""The accounts' connections to Zoho CRM, Keap (OAuth tokens, sealed) and ActiveCampaign (an
API key, sealed, with the account's API URL in `options`), synced two ways
(`shared.domain.crm_sync`). Their webhooks name the account in the URL, so no index beyond
the credential's own is needed."""

from shared.models.integration_credential import ApiKeyCredential, OAuthCredential


class ZohoToken(OAuthCredential):
    class Settings:
        name = "zoho_tokens"


class KeapToken(OAuthCredential):
    class Settings:
        name = "keap_tokens"


class ActiveCampaignKey(ApiKeyCredential):
    class Settings:
        name = "activecampaign_keys"
