"""The framework's routes: the account's integrations, and each provider's connect routes."""

from typing import Annotated

from fastapi import APIRouter, Body, Query, status

from external_api.integrations.framework import service
from external_api.integrations.framework.auth import (
    IntegrationsAdmin,
    IntegrationsConnect,
    IntegrationsRead,
)
from external_api.integrations.framework.dependencies import IntegrationsDep
from external_api.integrations.framework.errors import ProviderFailed
from external_api.integrations.framework.provider import ApiKeyCheck, Provider
from external_api.integrations.framework.schemas import (
    ApiKeyRead,
    AuthStartRead,
    ConnectComplete,
    ConnectOutcome,
    IntegrationList,
)
from external_api.integrations.framework.state import InvalidState, StartedByAnother, Starter
from shared.models.integration_credential import ApiKeyCredential
from shared.utilities.errors import (
    EmailNotVerified,
    Forbidden,
    InvalidInput,
    NotFound,
    RateLimited,
    Unauthorized,
    error_responses,
)

router = APIRouter(prefix="/v1/e", tags=["integrations"])


@router.get(
    "/integrations",
    summary="Every provider, with the account's connection status",
    responses=error_responses(Unauthorized, Forbidden),
)
async def list_integrations(
    integrations: IntegrationsDep, principal: IntegrationsRead
) -> IntegrationList:
    return IntegrationList(data=await service.list_integrations(integrations, principal.account_id))


def connect_router(provider: Provider) -> APIRouter:
    """`/v1/e/<provider>/auth/...` for an OAuth provider, `/v1/e/<provider>/key` otherwise."""
    if provider.api_key:
        return api_key_router(provider, provider.api_key)
    return oauth_router(provider.name, provider.title)


def oauth_router(name: str, title: str) -> APIRouter:
    router = APIRouter(prefix=f"/v1/e/{name}/auth", tags=[name])

    @router.get(
        "/start",
        summary=f"The {title} consent page to send the user to",
        description=f"{title} sends the browser back to the dashboard's "
        f"`/integrations/{name}/callback`, which posts what it was given to `complete`.",
        responses=error_responses(Unauthorized, Forbidden, EmailNotVerified, InvalidInput),
    )
    async def start(
        integrations: IntegrationsDep,
        principal: IntegrationsConnect,
        return_path: Annotated[str | None, Query(max_length=500)] = None,
    ) -> AuthStartRead:
        return await service.start_oauth(integrations, name, Starter.of(principal), return_path)

    @router.post(
        "/complete",
        summary=f"Finish connecting {title} with the code it sent the browser back with",
        description="Only the user who started the connect, in the same session and account, "
        "can finish it; the state is spent once.",
        responses=error_responses(
            Unauthorized,
            Forbidden,
            EmailNotVerified,
            StartedByAnother,
            InvalidState,
            ProviderFailed,
        ),
    )
    async def complete(
        integrations: IntegrationsDep, principal: IntegrationsConnect, completion: ConnectComplete
    ) -> ConnectOutcome:
        return await service.finish_oauth(integrations, name, Starter.of(principal), completion)

    @router.delete(
        "",
        summary=f"Disconnect {title}, revoking its grant where {title} allows",
        status_code=status.HTTP_204_NO_CONTENT,
        responses=error_responses(Unauthorized, Forbidden, NotFound),
    )
    async def disconnect(integrations: IntegrationsDep, principal: IntegrationsAdmin) -> None:
        await service.disconnect_oauth(integrations, name, principal.account_id)

    return router


def api_key_router(provider: Provider, check: ApiKeyCheck) -> APIRouter:
    name, title, body_model = provider.name, provider.title, check.body
    router = APIRouter(prefix=f"/v1/e/{name}/key", tags=[name])

    @router.put(
        "",
        summary=f"Connect {title} with an API key, checked with {title} once",
        response_model=ApiKeyRead,
        responses=error_responses(
            Unauthorized, Forbidden, EmailNotVerified, InvalidInput, RateLimited, ProviderFailed
        ),
    )
    async def connect(
        integrations: IntegrationsDep,
        principal: IntegrationsConnect,
        body: Annotated[body_model, Body()],  # type: ignore[valid-type]  # the provider's model
    ) -> ApiKeyCredential:
        return await service.connect_api_key(
            integrations, name, principal.account_id, principal.sub, body
        )

    @router.get(
        "",
        summary=f"The stored {title} key, masked",
        response_model=ApiKeyRead,
        responses=error_responses(Unauthorized, Forbidden, NotFound),
    )
    async def read(integrations: IntegrationsDep, principal: IntegrationsRead) -> ApiKeyCredential:
        return await service.read_api_key(integrations, name, principal.account_id)

    @router.delete(
        "",
        summary=f"Disconnect {title}",
        status_code=status.HTTP_204_NO_CONTENT,
        responses=error_responses(Unauthorized, Forbidden, NotFound),
    )
    async def remove(integrations: IntegrationsDep, principal: IntegrationsAdmin) -> None:
        await service.remove_api_key(integrations, name, principal.account_id)

    return router
