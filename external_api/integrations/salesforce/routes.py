"""/v1/e/salesforce: Salesforce's outbound messages for Contacts, one URL per account."""

from fastapi import APIRouter, Request, Response

from external_api.integrations.framework.dependencies import DocumentId, IntegrationsDep
from external_api.integrations.framework.webhooks import BadSignature, receive
from external_api.integrations.salesforce.webhooks import ACK, OutboundMessages
from shared.utilities.errors import InvalidBody, PayloadTooLarge, error_responses

NAME = "salesforce"
router = APIRouter(prefix=f"/v1/e/{NAME}", tags=[NAME])


@router.post(
    "/webhooks/outbound/{account_id}",
    summary="Salesforce's outbound messages: each changed Contact synced into the account",
    description="Taken from the org the account connected only; answered with the SOAP "
    "`<Ack>true</Ack>` Salesforce expects, also for a message seen before.",
    response_class=Response,
    responses={
        200: {"content": {"text/xml": {}}, "description": "the acknowledgement"},
        **error_responses(BadSignature, InvalidBody, PayloadTooLarge),
    },
)
async def receive_outbound_message(
    integrations: IntegrationsDep, account_id: DocumentId, request: Request
) -> Response:
    credential = await integrations.store(NAME).find(account_id)
    receiver = OutboundMessages(account_id, credential.external_id if credential else "")
    await receive(receiver, request.headers, request.body)
    return Response(ACK, media_type="text/xml")
