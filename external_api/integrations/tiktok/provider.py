from typing import Any

from external_api.integrations.framework.provider import Provider
from external_api.integrations.tiktok.oauth import tiktok_oauth
from external_api.integrations.tiktok.routes import router
from external_api.integrations.tiktok.service import PROVIDER as NAME
from shared.models.tiktok_token import TiktokToken


def access_token_header(request: dict[str, Any], token: str) -> dict[str, Any]:
    """TikTok's Marketing API reads the token from `Access-Token`, not `Authorization`."""
    return {**request, "headers": {**request.get("headers", {}), "access-token": token}}


PROVIDER = Provider(
    name=NAME,
    title="TikTok",
    credential=TiktokToken,
    base_url=lambda settings: settings.tiktok.api_url,
    router=router,
    oauth=tiktok_oauth,
    authorize=access_token_header,
)
