"""What routes depend on: the running `Integrations`, the scopes, and a provider's HTTP as the
caller's account's connection."""

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request

from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.framework.tokens import ConnectedHttp
from shared.utilities.auth import Principal, requires


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
