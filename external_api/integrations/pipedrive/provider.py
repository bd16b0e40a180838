from external_api.integrations.framework.provider import Provider
from external_api.integrations.pipedrive.oauth import pipedrive_flow
from external_api.integrations.pipedrive.routes import NAME, router
from shared.models.crm_tokens import PipedriveToken

PROVIDER = Provider(
    name=NAME,
    title="Pipedrive",
    credential=PipedriveToken,
    base_url=lambda settings: settings.pipedrive.api_url,
    router=router,
    oauth=pipedrive_flow,
)
