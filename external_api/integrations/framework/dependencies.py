"""What routes depend on: the running `Integrations`, the scopes, and a provider's HTTP as the
caller's account's connection."""

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request

from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.framework.tokens import ConnectedHttp
from shared.utilities.auth import Principal, requires
from shared.utilities.errors import PayloadTooLarge


def get_integrations(request: Request) -> Integrations:
    return request.app.state.integrations


IntegrationsDep = Annotated[Integrations, Depends(get_integrations)]
# Connecting and disconnecting change what the whole account shares: admins only.
IntegrationsAdmin = Annotated[Principal, Depends(requires("integrations:write", "account:write"))]
IntegrationsReader = Annotated[Principal, Depends(requires("integrations:read"))]
IntegrationsWriter = Annotated[Principal, Depends(requires("integrations:write"))]


def connection_to(name: str) -> Callable:
    """A dependency: the provider's HTTP as the reading caller's account's connection."""

    async def connection(
        integrations: IntegrationsDep, principal: IntegrationsReader
    ) -> ConnectedHttp:
        return integrations.connected_http(name, principal.account_id)

    return connection


async def webhook_body(request: Request, integrations: IntegrationsDep) -> bytes:
    """The raw body, as the provider signed it, refused past the size webhooks may have."""
    limit = integrations.settings.webhook_max_bytes
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise PayloadTooLarge(f"A webhook body may have {limit} bytes at most.")
    return bytes(body)


WebhookBody = Annotated[bytes, Depends(webhook_body)]
