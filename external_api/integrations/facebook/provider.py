from external_api.integrations.facebook.errors import token_refused
from external_api.integrations.facebook.oauth import facebook_oauth
from external_api.integrations.facebook.routes import router
from external_api.integrations.facebook.service import PROVIDER as NAME
from external_api.integrations.framework.provider import Provider
from shared.models.facebook_token import FacebookToken

PROVIDER = Provider(
    name=NAME,
    title="Facebook",
    credential=FacebookToken,
    base_url=lambda settings: settings.facebook.graph_url,
    router=router,
    oauth=facebook_oauth,
    refused=token_refused,
)
