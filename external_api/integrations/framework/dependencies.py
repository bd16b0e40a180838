"""What routes depend on: the running `Integrations`, and a provider's HTTP as the caller's
account's connection."""

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Path, Request

from external_api.integrations.framework.auth import IntegrationsRead
from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.framework.tokens import ConnectedHttp


def get_integrations(request: Request) -> Integrations:
    return request.app.state.integrations


IntegrationsDep = Annotated[Integrations, Depends(get_integrations)]
# A stored document's id (an account's, a report's) in a path: anything else is refused (422)
# before any query, and never echoed back in a message.
DocumentId = Annotated[str, Path(pattern=r"^[0-9a-f]{24}$", description="24 hex digits")]


def connection_to(name: str) -> Callable:
    """A dependency: the provider's HTTP as the reading caller's account's connection."""

    async def connection(
        integrations: IntegrationsDep, principal: IntegrationsRead
    ) -> ConnectedHttp:
        return integrations.connected_http(name, principal.account_id)

    return connection
