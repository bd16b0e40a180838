"""What a CRM provider's client is to the sync: a `CrmAdapter` built per run from the
account's rate-limited connection and its stored credential (where a provider keeps its API's
address, as Salesforce's `instance_url`), asking for the fields the account's mapping reads."""

from typing import TYPE_CHECKING

from external_api.integrations.crm_sync.limited import LimitedHttp
from shared.domain.crm_sync.adapter import CrmAdapter
from shared.models.integration_credential import IntegrationCredential

if TYPE_CHECKING:
    from external_api.settings import ExternalApiSettings


class HttpCrmAdapter(CrmAdapter):
    def __init__(
        self, http: LimitedHttp, credential: IntegrationCredential, fields: list[str]
    ) -> None:
        self.http = http
        self.credential = credential
        self.fields = fields  # the CRM fields the account's mapping reads

    async def subscribe(self, settings: "ExternalApiSettings", account_id: str) -> None:
        """Ask the CRM to send the account's changes, when a sync is first set up: nothing by
        default (HubSpot's webhooks are the app's, Salesforce's outbound messages are set up
        in the org)."""
