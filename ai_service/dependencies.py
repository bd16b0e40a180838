"""Dependencies the AI service's routes share: the caller, their limits and the provider."""

from typing import Annotated

from fastapi import Depends, Request

from ai_service.auth import AiRead
from ai_service.provider import ChatProvider
from ai_service.settings import AiServiceSettings
from ai_service.usage.limits import Limits, Meter, MonthlyCapReached
from shared.domain.onebalance.errors import InsufficientBalance
from shared.utilities.errors import (
    Forbidden,
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


def limits_of(settings: AiServiceSettings) -> Limits:
    return Limits(
        requests=settings.rate_limit_requests,
        agency_requests=settings.agency_rate_limit_requests,
        window_seconds=settings.rate_limit_window_seconds,
        tokens=settings.monthly_token_cap,
        agency_tokens=settings.agency_monthly_token_cap,
        max_output_tokens=settings.max_output_tokens,
    )


async def metered(request: Request, principal: AiRead, settings: Settings) -> Meter:
    """The caller's meter, once this request fits their account's and agency's rate limits;
    the token caps are checked when the call to the model is reserved."""
    meter = Meter(request.app.state.quotas, limits_of(settings), principal)
    await meter.count_request()
    return meter


def get_provider(request: Request) -> ChatProvider:
    provider = request.app.state.provider
    if provider is None:
        setting = env_name(AiServiceSettings, "openai_api_key")
        raise ServiceUnavailable(
            f"AI features are off: {setting} is not set.", details=[{"setting": setting}]
        )
    return provider


# A user with `ai:use` whose request counts against their account's and agency's limits.
Metered = Annotated[Meter, Depends(metered)]
Provider = Annotated[ChatProvider, Depends(get_provider)]

# What any route calling the model may answer besides its result, for `responses=`.
MODEL_ERRORS = (
    Unauthorized,
    Forbidden,
    MonthlyCapReached,
    InsufficientBalance,
    RateLimited,
    UpstreamError,
    ServiceUnavailable,
    UpstreamTimeout,
)
