"""The services the reviews and affiliates call over HTTP, with the internal API's service
token: the external API (replies posted to Google, Tipalti payees) and the AI service
(drafts)."""

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Any

import httpx
from fastapi import Depends, FastAPI, Request

from internal_api.reviews.errors import ProviderNotConnected, ProviderReconnectNeeded
from internal_api.settings import InternalApiSettings
from shared.domain.reviews.errors import ReplyRefused, ReviewsUnavailable
from shared.utilities.errors import DomainError, NotFound
from shared.utilities.siblings import SiblingService
from shared.utilities.upstream import http_client

SERVICE_NAME = "internal_api"
# The external API's answers passed on as they are: its code is the caller's to see.
PASSED_ON: dict[str, type[DomainError]] = {
    "reply_refused": ReplyRefused,
    "not_found": NotFound,
    "not_connected": ProviderNotConnected,
    "reconnect_needed": ProviderReconnectNeeded,
}


@dataclass(frozen=True)
class ReviewSiblings:
    external_api: SiblingService
    ai_service: SiblingService

    async def call(
        self,
        sibling: SiblingService,
        method: str,
        path: str,
        unavailable: type[DomainError] = ReviewsUnavailable,
        **options: Any,
    ) -> Any:
        """The sibling's JSON answer; its refusals as the domain errors they stand for, any
        other failure as `unavailable` (502)."""
        try:
            response = await sibling.request(method, path, **options)
        except httpx.HTTPError as failure:
            raise unavailable() from failure
        if response.is_success:
            return response.json()
        said = error_of(response)
        if response.status_code < 500 and said.get("code") in PASSED_ON:
            raise PASSED_ON[said["code"]](said.get("message") or None)
        raise unavailable(f"{sibling.audience} answered {response.status_code}.")


def error_of(response: httpx.Response) -> dict:
    try:
        error = response.json().get("error")
    except (ValueError, AttributeError):
        return {}
    return error if isinstance(error, dict) else {}


def review_siblings(
    settings: InternalApiSettings,
    external_api_transport: httpx.AsyncBaseTransport | None = None,
    ai_service_transport: httpx.AsyncBaseTransport | None = None,
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """The app's lifespan part holding its clients of both (the transports stand in for the
    network in tests)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        timeout = settings.reviews_timeout_seconds
        async with (
            http_client(timeout, timeout, external_api_transport) as external,
            http_client(timeout, timeout, ai_service_transport) as ai,
        ):
            authenticator = app.state.authenticator
            app.state.review_siblings = ReviewSiblings(
                SiblingService(
                    external, settings.external_api_url, authenticator, SERVICE_NAME, "external_api"
                ),
                SiblingService(
                    ai, settings.ai_service_url, authenticator, SERVICE_NAME, "ai_service"
                ),
            )
            yield

    return lifespan


def get_siblings(request: Request) -> ReviewSiblings:
    return request.app.state.review_siblings


Siblings = Annotated[ReviewSiblings, Depends(get_siblings)]
