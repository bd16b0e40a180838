from external_api.integrations.framework.provider import Provider
from external_api.integrations.zoho.oauth import zoho_flow
from external_api.integrations.zoho.routes import NAME, router
from shared.models.crm_more_tokens import ZohoToken

PROVIDER = Provider(
    name=NAME,
    title="Zoho CRM",
    credential=ZohoToken,
    # Calls go to each org's own api_domain; this is where a connection without one calls.
    base_url=lambda settings: settings.zoho.api_url,
    router=router,
    oauth=zoho_flow,
)
