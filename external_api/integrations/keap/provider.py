from external_api.integrations.framework.provider import Provider
from external_api.integrations.keap.oauth import keap_flow
from external_api.integrations.keap.routes import NAME, router
from shared.models.crm_more_tokens import KeapToken

PROVIDER = Provider(
    name=NAME,
    title="Keap",
    credential=KeapToken,
    base_url=lambda settings: settings.keap.api_url,
    router=router,
    oauth=keap_flow,
)
