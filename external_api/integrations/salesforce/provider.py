from external_api.integrations.framework.provider import Provider
from external_api.integrations.salesforce.oauth import salesforce_flow
from external_api.integrations.salesforce.routes import NAME, router
from shared.models.crm_tokens import SalesforceToken

PROVIDER = Provider(
    name=NAME,
    title="Salesforce",
    credential=SalesforceToken,
    # Calls go to each org's own instance_url; this is where the OAuth flow starts.
    base_url=lambda settings: settings.salesforce.login_url,
    router=router,
    oauth=salesforce_flow,
)
