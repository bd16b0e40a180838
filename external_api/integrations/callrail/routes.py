from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request

from external_api.integrations.callrail import service
from external_api.integrations.callrail.schemas import (
    CALLRAIL_ID,
    Call,
    RecordingLink,
    WebhookKeyUpdate,
    WebhookRead,
)
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

router = APIRouter(prefix="/v1/e/callrail", tags=["callrail"])

CallId = Annotated[str, Path(pattern=CALLRAIL_ID)]
CALL_ERRORS = (
    Unauthorized,
    Forbidden,
    NotFound,
    InvalidInput,
    UpstreamTimeout,
    *CONNECTED_CALL_ERRORS,
)


@router.get(
    "/calls",
    summary="The account's CallRail calls, newest first",
    description="Read from CallRail with the account's key, a page at a time.",
    responses=error_responses(*CALL_ERRORS),
)
async def list_calls(
    integrations: IntegrationsDep,
    principal: IntegrationsRead,
    paging: Paging,
    start_date: Annotated[date | None, Query(description="calls from this day")] = None,
    end_date: Annotated[date | None, Query(description="calls until this day")] = None,
    direction: Annotated[Literal["inbound", "outbound"] | None, Query()] = None,
) -> Page[Call]:
    filters = {"start_date": start_date, "end_date": end_date, "direction": direction}
    given = {name: str(value) for name, value in filters.items() if value}
    return await service.list_calls(integrations, principal.account_id, paging, given)


@router.get(
    "/calls/{call_id}",
    summary="One call's details",
    responses=error_responses(*CALL_ERRORS),
)
async def get_call(
    integrations: IntegrationsDep, principal: IntegrationsRead, call_id: CallId
) -> Call:
    return await service.get_call(integrations, principal.account_id, call_id)


@router.get(
    "/calls/{call_id}/recording",
    summary="A short-lived link to a call's recording",
    description="404 when the call was not recorded.",
    responses=error_responses(*CALL_ERRORS),
)
async def get_recording(
    integrations: IntegrationsDep, principal: IntegrationsRead, call_id: CallId
) -> RecordingLink:
    return await service.recording(integrations, principal.account_id, call_id)


@router.put(
    "/webhook-key",
    summary="Keep the company's webhook signing key, to accept CallRail's call webhooks",
    description="Answers the URL to point CallRail's post-call webhook at.",
    responses=error_responses(Unauthorized, Forbidden, NotConnected, ReconnectNeeded),
)
async def set_webhook_key(
    integrations: IntegrationsDep, principal: IntegrationsAdmin, update: WebhookKeyUpdate
) -> WebhookRead:
    signing_key = update.signing_key.get_secret_value()
    return await service.set_signing_key(integrations, principal.account_id, signing_key)


@router.post(
    "/webhooks/calls/{account_id}",
    summary="CallRail's post-call webhook: each new call recorded on the caller's contact",
    description="Signed by CallRail (`Signature`); a call seen before is acknowledged again "
    "without being recorded twice.",
    responses=error_responses(BadSignature, InvalidInput, PayloadTooLarge),
)
async def receive_call(
    integrations: IntegrationsDep, account_id: DocumentId, request: Request
) -> dict[str, int]:
    return await service.receive_call(integrations, account_id, request.headers, request.body)
