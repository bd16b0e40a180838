from typing import Annotated

from fastapi import APIRouter, Query, Request, status
from fastapi.responses import Response

from external_api.integrations.framework.auth import (
    IntegrationsAdmin,
    IntegrationsRead,
    IntegrationsWrite,
)
from external_api.integrations.framework.dependencies import DocumentId, IntegrationsDep
from external_api.integrations.framework.errors import (
    CONNECTED_CALL_ERRORS,
)
from external_api.integrations.framework.webhooks import BadSignature
from external_api.integrations.twilio import service
from external_api.integrations.twilio.schemas import (
    AvailableNumber,
    NumberPurchase,
    NumberRead,
    SmsCreate,
    SmsRead,
)
from external_api.integrations.twilio.service import NotTheAccountsNumber, NumberTaken
from external_api.integrations.twilio.webhooks import CallStatus, InboundSms, SmsStatus
from shared.models.twilio_number import TwilioNumber
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

router = APIRouter(prefix="/v1/e/twilio", tags=["twilio"])

TWILIO_ERRORS = (
    Unauthorized,
    Forbidden,
    NotFound,
    InvalidInput,
    UpstreamTimeout,
    *CONNECTED_CALL_ERRORS,
)
WEBHOOK_ERRORS = error_responses(BadSignature, InvalidInput, PayloadTooLarge)
# Twilio reads the answer to an inbound message as TwiML: an empty one replies nothing.
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>'


@router.post(
    "/sms",
    status_code=status.HTTP_201_CREATED,
    summary="Send an SMS from one of the account's numbers",
    description="Its delivery statuses come back through Twilio's status callback.",
    responses=error_responses(*TWILIO_ERRORS, NotTheAccountsNumber),
)
async def send_sms(
    integrations: IntegrationsDep, principal: IntegrationsAdmin, sms: SmsCreate
) -> SmsRead:
    return await service.send_sms(integrations, principal.account_id, sms)


@router.get(
    "/available-numbers",
    summary="Local numbers the account may buy, able to send and receive SMS",
    responses=error_responses(*TWILIO_ERRORS),
)
async def search_numbers(
    integrations: IntegrationsDep,
    principal: IntegrationsRead,
    country: Annotated[str, Query(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2")],
    area_code: Annotated[str | None, Query(pattern=r"^\d{2,5}$")] = None,
    contains: Annotated[str | None, Query(pattern=r"^[0-9A-Za-z*]{1,16}$")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> list[AvailableNumber]:
    return await service.search_numbers(
        integrations, principal.account_id, country, area_code, contains, limit
    )


@router.post(
    "/numbers",
    status_code=status.HTTP_201_CREATED,
    summary="Buy a number for the account",
    description="Its inbound SMS land in the sender's conversation.",
    response_model=NumberRead,
    responses=error_responses(*TWILIO_ERRORS, NumberTaken),
)
async def buy_number(
    integrations: IntegrationsDep, principal: IntegrationsWrite, purchase: NumberPurchase
) -> TwilioNumber:
    return await service.buy_number(integrations, principal.account_id, purchase)


@router.get(
    "/numbers",
    summary="The numbers the account bought, newest first",
    response_model=Page[NumberRead],
    responses=error_responses(Unauthorized, Forbidden, InvalidInput),
)
async def list_numbers(principal: IntegrationsRead, paging: Paging) -> Page[TwilioNumber]:
    return await service.list_numbers(principal.account_id, paging)


@router.post(
    "/webhooks/sms/{account_id}",
    summary="Twilio's inbound SMS to one of the account's numbers",
    response_class=Response,
    responses={200: {"content": {"text/xml": {}}}, **WEBHOOK_ERRORS},
)
async def receive_sms(
    integrations: IntegrationsDep, account_id: DocumentId, request: Request
) -> Response:
    await service.receive_callback(
        integrations, InboundSms, "sms", account_id, request.headers, request.body
    )
    return Response(EMPTY_TWIML, media_type="text/xml")


@router.post(
    "/webhooks/status/{account_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Twilio's status callback for an SMS the account sent",
    responses=WEBHOOK_ERRORS,
)
async def receive_status(
    integrations: IntegrationsDep, account_id: DocumentId, request: Request
) -> None:
    await service.receive_callback(
        integrations, SmsStatus, "status", account_id, request.headers, request.body
    )


@router.post(
    "/webhooks/calls/{account_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Twilio's status callback for a call on one of the account's numbers",
    description="A completed call's minutes are charged to the account's OneBalance wallet.",
    responses=WEBHOOK_ERRORS,
)
async def receive_call_status(
    integrations: IntegrationsDep, account_id: DocumentId, request: Request
) -> None:
    await service.receive_callback(
        integrations, CallStatus, "calls", account_id, request.headers, request.body
    )
