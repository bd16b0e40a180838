"""The accounts' CRM connections synced two ways (`shared.domain.crm_sync`): OAuth tokens,
sealed. `external_id` is the CRM's own account (HubSpot's hub id, Pipedrive's company id,
Salesforce's organization id): what a CRM's webhook names."""

from pymongo import ASCENDING, IndexModel

from shared.models.integration_credential import OAuthCredential

# The accounts connected to one CRM account, found from its webhooks.
BY_EXTERNAL_ID = [IndexModel([("external_id", ASCENDING)])]


class HubspotToken(OAuthCredential):
    class Settings:
        name = "hubspot_tokens"
        indexes = BY_EXTERNAL_ID


class PipedriveToken(OAuthCredential):
    class Settings:
        name = "pipedrive_tokens"
        indexes = BY_EXTERNAL_ID


class SalesforceToken(OAuthCredential):
    class Settings:
        name = "salesforce_tokens"
        indexes = BY_EXTERNAL_ID
