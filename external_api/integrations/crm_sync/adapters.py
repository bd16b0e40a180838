"""The CRMs the sync knows, by integration name: a CRM provider folder adds its adapter class
to `ADAPTERS` (at the end)."""

from external_api.integrations.activecampaign.client import ActiveCampaignContacts
from external_api.integrations.crm_sync.base import HttpCrmAdapter
from external_api.integrations.hubspot.client import HubspotContacts
from external_api.integrations.keap.client import KeapContacts
from external_api.integrations.pipedrive.client import PipedrivePersons
from external_api.integrations.salesforce.client import SalesforceContacts
from external_api.integrations.zoho.client import ZohoContacts

ADAPTERS: dict[str, type[HttpCrmAdapter]] = {
    adapter.provider: adapter
    for adapter in (
        HubspotContacts,
        PipedrivePersons,
        SalesforceContacts,
        ZohoContacts,
        KeapContacts,
        ActiveCampaignContacts,
    )
}
