"""Dependencies the AI service's routes share: the caller, their limits and the provider."""

from typing import Annotated

from fastapi import Depends, Request

from ai_service.provider import ChatProvider
from ai_service.settings import AiServiceSettings
from ai_service.usage import service as usage
from shared.utilities.app import RedisClient
from shared.utilities.auth import Principal, requires
from shared.utilities.errors import (
    Forbidden,
    PaymentRequired,
    RateLimited,
    ServiceUnavailable,
    Unauthorized,
    UpstreamError,
    UpstreamTimeout,
)
from shared.utilities.settings import env_name


def get_settings(request: Request) -> AiServiceSettings:
    return request.app.state.settings


Settings = Annotated[AiServiceSettings, Depends(get_settings)]
AiUser = Annotated[Principal, Depends(requires("ai:use"))]


async def within_limits(principal: AiUser, settings: Settings, redis: RedisClient) -> Principal:
    """The caller, once this request fits their account's rate limit and monthly token cap."""
    await usage.check_rate_limit(
        redis, principal, settings.rate_limit_requests, settings.rate_limit_window_seconds
    )
    await usage.check_monthly_cap(principal, settings.monthly_token_cap)
    return principal


def get_provider(request: Request) -> ChatProvider:
    provider = request.app.state.provider
    if provider is None:
        setting = env_name(AiServiceSettings, "openai_api_key")
        raise ServiceUnavailable(
            f"AI features are off: {setting} is not set.", details=[{"setting": setting}]
        )
    return provider


# A user with `ai:use` whose request counts against their account's limits.
MeteredUser = Annotated[Principal, Depends(within_limits)]
Provider = Annotated[ChatProvider, Depends(get_provider)]

# What any route calling the model may answer besides its result, for `responses=`.
MODEL_ERRORS = (
    Unauthorized,
    Forbidden,
    PaymentRequired,
    RateLimited,
    UpstreamError,
    ServiceUnavailable,
    UpstreamTimeout,
)
