from external_api.integrations.framework.provider import Provider
from external_api.integrations.square.oauth import square_flow
from external_api.integrations.square.routes import router
from shared.models.square_token import SquareToken

PROVIDER = Provider(
    name="square",
    title="Square",
    credential=SquareToken,
    base_url=lambda settings: settings.square.api_url,
    router=router,
    oauth=square_flow,
)
