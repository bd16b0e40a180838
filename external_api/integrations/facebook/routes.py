from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import PlainTextResponse

from external_api.integrations.facebook import recommendations, service
from external_api.integrations.facebook.schemas import FacebookPageRead, InsightsReportCreate
from external_api.integrations.facebook.webhooks import LeadgenReceiver
from external_api.integrations.framework.auth import IntegrationsAdmin
from external_api.integrations.framework.dependencies import (
    DocumentId,
    IntegrationsDep,
    connection_to,
)
from external_api.integrations.framework.errors import (
    CONNECTED_CALL_ERRORS,
)
from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.framework.webhooks import BadSignature, receive
from external_api.integrations.reports.routes import reports_router
from shared.utilities.auth import Principal, requires_service
from shared.utilities.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    PayloadTooLarge,
    Unauthorized,
    error_responses,
)
from shared.utilities.signatures import same

router = APIRouter(prefix=f"/v1/e/{service.PROVIDER}", tags=[service.PROVIDER])
GraphApi = Annotated[ConnectedHttp, Depends(connection_to(service.PROVIDER))]


@router.post(
    "/pages/sync",
    summary="Read the Pages the connected user manages, with their Page tokens",
    responses=error_responses(Unauthorized, Forbidden, *CONNECTED_CALL_ERRORS),
)
async def sync_pages(
    principal: IntegrationsAdmin, graph: GraphApi, integrations: IntegrationsDep
) -> list[FacebookPageRead]:
    return await service.sync_pages(integrations, graph, principal.account_id)


@router.post(
    "/pages/{page_id}/leads/subscribe",
    summary="Have the Page's lead ads sent to the platform (they become CRM contacts)",
    responses=error_responses(Unauthorized, Forbidden, NotFound, *CONNECTED_CALL_ERRORS),
)
async def subscribe_to_leads(
    page_id: str, principal: IntegrationsAdmin, integrations: IntegrationsDep
) -> FacebookPageRead:
    return await service.subscribe_to_leads(integrations, principal.account_id, page_id)


router.include_router(
    reports_router(
        service.PROVIDER,
        "Pull an ads insights report for an ad account and store it normalised",
        InsightsReportCreate,
        service.pull_insights,
    )
)


@router.get(
    "/webhooks/leadgen",
    summary="Facebook's subscription handshake: the challenge echoed for the right verify token",
    response_class=PlainTextResponse,
    responses=error_responses(Forbidden),
)
async def verify_subscription(
    integrations: IntegrationsDep,
    mode: Annotated[str, Query(alias="hub.mode")],
    verify_token: Annotated[str, Query(alias="hub.verify_token")],
    challenge: Annotated[str, Query(alias="hub.challenge", max_length=200)],
) -> PlainTextResponse:
    expected = integrations.settings.facebook.webhook_verify_token.get_secret_value()
    if mode != "subscribe" or not expected or not same(expected, verify_token):
        raise Forbidden("The verify token does not match.")
    return PlainTextResponse(challenge)


@router.post(
    "/webhooks/leadgen",
    summary="Facebook lead ads events (public, signed with X-Hub-Signature-256)",
    responses=error_responses(BadSignature, InvalidInput, PayloadTooLarge),
)
async def receive_leads(request: Request, integrations: IntegrationsDep) -> dict[str, int]:
    secret = integrations.settings.facebook.app_secret.get_secret_value()
    return await receive(LeadgenReceiver(secret), request.headers, request.body)


@router.post(
    "/accounts/{account_id}/recommendations/sync",
    summary="Read the account's Pages' recommendations into its reviews (services only)",
    responses=error_responses(Unauthorized, Forbidden, *CONNECTED_CALL_ERRORS),
)
async def sync_recommendations(
    account_id: DocumentId,
    caller: Annotated[Principal, Depends(requires_service("queue_manager"))],
    integrations: IntegrationsDep,
) -> dict[str, int]:
    return {"synced": await recommendations.sync_recommendations(integrations, account_id)}
