from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from external_api.integrations.calltrackingmetrics import service
from external_api.integrations.calltrackingmetrics.schemas import CTM_ID, Call, WebhookRead
from external_api.integrations.framework.auth import IntegrationsAdmin, IntegrationsRead
from external_api.integrations.framework.dependencies import DocumentId, IntegrationsDep
from external_api.integrations.framework.errors import (
    CONNECTED_CALL_ERRORS,
    NotConnected,
    ReconnectNeeded,
)
from external_api.integrations.framework.webhooks import BadSignature
from shared.utilities.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    PayloadTooLarge,
    Unauthorized,
    UpstreamTimeout,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/e/calltrackingmetrics", tags=["calltrackingmetrics"])

CallId = Annotated[str, Path(pattern=CTM_ID)]
CALL_ERRORS = error_responses(
    Unauthorized, Forbidden, NotFound, InvalidInput, UpstreamTimeout, *CONNECTED_CALL_ERRORS
)


@router.get(
    "/calls",
    summary="The account's CallTrackingMetrics calls",
    description="Read from CTM with the account's key pair, a page at a time.",
    responses=CALL_ERRORS,
)
async def list_calls(
    integrations: IntegrationsDep,
    principal: IntegrationsRead,
    paging: Paging,
    start_date: Annotated[date | None, Query(description="calls from this day")] = None,
    end_date: Annotated[date | None, Query(description="calls until this day")] = None,
) -> Page[Call]:
    filters = {"start_date": start_date, "end_date": end_date}
    given = {name: value.isoformat() for name, value in filters.items() if value}
    return await service.list_calls(integrations, principal.account_id, paging, given)


@router.get("/calls/{call_id}", summary="One call's details", responses=CALL_ERRORS)
async def get_call(
    integrations: IntegrationsDep, principal: IntegrationsRead, call_id: CallId
) -> Call:
    return await service.get_call(integrations, principal.account_id, call_id)


@router.get(
    "/webhook",
    summary="The URL to point the CTM account's call webhook at",
    description="CTM signs it with the account's API secret key, the one connected here.",
    responses=error_responses(Unauthorized, Forbidden, NotConnected, ReconnectNeeded),
)
async def webhook_url(integrations: IntegrationsDep, principal: IntegrationsAdmin) -> WebhookRead:
    return await service.webhook_url(integrations, principal.account_id)


@router.post(
    "/webhooks/calls/{account_id}",
    summary="CTM's call webhook: each call recorded on the caller's contact",
    description="Signed by CTM (`X-CTM-Signature` over `X-CTM-Time` and the body, within "
    "the tolerance); a call seen before is acknowledged again without being recorded twice.",
    responses=error_responses(BadSignature, InvalidInput, PayloadTooLarge),
)
async def receive_call(
    integrations: IntegrationsDep, account_id: DocumentId, request: Request
) -> dict[str, int]:
    return await service.receive_call(integrations, account_id, request.headers, request.body)
