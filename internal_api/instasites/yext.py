"""A prospect's data from the account's Yext (a connected Yext key, one of its entities), read
from the external API, which alone holds the account's Yext key:
`GET /v1/e/yext/accounts/{account_id}/entities/{entity_id}/business` with the internal API's
service token. Its name, description, phone, email, website, address, hours, logo and photos
fill what the agency did not give."""

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Any

import httpx
from fastapi import Depends, FastAPI, Request

from internal_api.instasites.errors import YextEntityNotFound, YextNotConnected, YextUnavailable
from internal_api.settings import InternalApiSettings
from shared.utilities.siblings import SiblingService
from shared.utilities.upstream import http_client

logger = logging.getLogger(__name__)

SERVICE_NAME = "internal_api"
AUDIENCE = "external_api"
NOT_CONNECTED = frozenset({"not_connected", "reconnect_needed"})


@dataclass(frozen=True)
class YextEntities:
    external_api: SiblingService

    async def business(self, account_id: str, entity_id: str) -> dict[str, Any]:
        path = f"/v1/e/yext/accounts/{account_id}/entities/{entity_id}/business"
        try:
            response = await self.external_api.request("GET", path)
        except httpx.HTTPError as error:
            logger.warning(
                "the external API did not answer for Yext entity %s: %r", entity_id, error
            )
            raise YextUnavailable() from error
        if response.status_code == 409 and error_code(response) in NOT_CONNECTED:
            raise YextNotConnected()
        if response.status_code == 404:
            raise YextEntityNotFound(details=[{"field": "yext_entity_id", "message": "not found"}])
        if response.is_error:
            logger.warning(
                "the external API answered %s for Yext: %s",
                response.status_code,
                response.text[:300],
            )
            raise YextUnavailable()
        return response.json()


def error_code(response: httpx.Response) -> str:
    try:
        return str(response.json()["error"]["code"])
    except (ValueError, KeyError, TypeError):
        return ""


def yext_entities(
    settings: InternalApiSettings, transport: httpx.AsyncBaseTransport | None = None
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """The app's lifespan part holding its client of the external API for Yext entities
    (`transport` stands in for the network in tests)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        timeout = settings.instasites_sources_timeout_seconds
        async with http_client(timeout, timeout, transport) as client:
            app.state.yext_entities = YextEntities(
                SiblingService(
                    client,
                    settings.external_api_url,
                    app.state.authenticator,
                    SERVICE_NAME,
                    AUDIENCE,
                )
            )
            yield

    return lifespan


def get_yext_entities(request: Request) -> YextEntities:
    return request.app.state.yext_entities


Entities = Annotated[YextEntities, Depends(get_yext_entities)]
