"""The account's CallRail calls, read with its key; its post-call webhooks, verified with the
company's signing key it gave, handed to the queue manager."""

from collections.abc import Mapping

from external_api.integrations.callrail.client import CallrailClient
from external_api.integrations.callrail.schemas import Call, RecordingLink, WebhookRead
from external_api.integrations.callrail.webhooks import CallWebhooks
from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.framework.webhooks import BadSignature, BodyReader, receive
from shared.models.callrail_key import CallrailKey
from shared.utilities.pagination import Page, PageParams, Pagination

NAME = "callrail"
SIGNING_KEY = "webhook_signing_key"  # in the credential's options, sealed


async def client_for(integrations: Integrations, account_id: str) -> CallrailClient:
    credential: CallrailKey = await integrations.store(NAME).connected(account_id)
    http = integrations.connected_http(NAME, account_id)
    return CallrailClient(http, credential.callrail_account_id)


async def list_calls(
    integrations: Integrations, account_id: str, params: PageParams, filters: dict[str, str]
) -> Page[Call]:
    client = await client_for(integrations, account_id)
    page = await client.list_calls(params.page, params.limit, filters)
    pagination = Pagination(
        page=params.page,
        limit=params.limit,
        total=page.total_records,
        next_page=params.page + 1 if params.page < page.total_pages else None,
    )
    return Page[Call](data=page.calls, pagination=pagination)


async def get_call(integrations: Integrations, account_id: str, call_id: str) -> Call:
    return await (await client_for(integrations, account_id)).get_call(call_id)


async def recording(integrations: Integrations, account_id: str, call_id: str) -> RecordingLink:
    return await (await client_for(integrations, account_id)).recording(call_id)


async def set_signing_key(
    integrations: Integrations, account_id: str, signing_key: str
) -> WebhookRead:
    credential: CallrailKey = await integrations.store(NAME).connected(account_id)
    credential.options = {**credential.options, SIGNING_KEY: integrations.box.seal(signing_key)}
    await credential.save()
    base = integrations.settings.public_url.rstrip("/")
    return WebhookRead(webhook_url=f"{base}/v1/e/callrail/webhooks/calls/{account_id}")


async def receive_call(
    integrations: Integrations, account_id: str, headers: Mapping[str, str], read_body: BodyReader
) -> dict[str, int]:
    """An account without CallRail or without a signing key answers like a bad signature: a
    webhook URL says nothing about which accounts exist."""
    credential = await integrations.store(NAME).find(account_id)
    sealed = credential.options.get(SIGNING_KEY) if credential else None
    if not sealed:
        raise BadSignature()
    receiver = CallWebhooks(account_id, integrations.box.open(sealed))
    return await receive(receiver, headers, read_body)
