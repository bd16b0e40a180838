from external_api.integrations.framework.provider import Provider
from external_api.integrations.hubspot.oauth import hubspot_flow
from external_api.integrations.hubspot.routes import NAME, router
from shared.models.crm_tokens import HubspotToken

PROVIDER = Provider(
    name=NAME,
    title="HubSpot",
    credential=HubspotToken,
    base_url=lambda settings: settings.hubspot.api_url,
    router=router,
    oauth=hubspot_flow,
)
