"""The account's CallTrackingMetrics calls, read with its key pair; its call webhooks, verified
with the same secret key, handed to the queue manager."""

from collections.abc import Mapping

from external_api.integrations.calltrackingmetrics.client import CtmClient
from external_api.integrations.calltrackingmetrics.schemas import Call, WebhookRead
from external_api.integrations.calltrackingmetrics.webhooks import CtmWebhooks
from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.framework.webhooks import BadSignature, BodyReader, receive
from shared.models.ctm_key import CtmKey
from shared.utilities.pagination import Page, PageParams, Pagination

NAME = "calltrackingmetrics"


async def client_for(integrations: Integrations, account_id: str) -> CtmClient:
    credential: CtmKey = await integrations.store(NAME).connected(account_id)
    return CtmClient(integrations.connected_http(NAME, account_id), credential.ctm_account_id)


async def list_calls(
    integrations: Integrations, account_id: str, params: PageParams, filters: dict[str, str]
) -> Page[Call]:
    client = await client_for(integrations, account_id)
    page = await client.list_calls(params.page, params.limit, filters)
    pagination = Pagination(
        page=params.page,
        limit=params.limit,
        total=page.total_entries,
        next_page=params.page + 1 if params.page < page.total_pages else None,
    )
    return Page[Call](data=page.calls, pagination=pagination)


async def get_call(integrations: Integrations, account_id: str, call_id: str) -> Call:
    return await (await client_for(integrations, account_id)).get_call(call_id)


async def webhook_url(integrations: Integrations, account_id: str) -> WebhookRead:
    await integrations.store(NAME).connected(account_id)
    base = integrations.settings.public_url.rstrip("/")
    return WebhookRead(webhook_url=f"{base}/v1/e/{NAME}/webhooks/calls/{account_id}")


async def receive_call(
    integrations: Integrations, account_id: str, headers: Mapping[str, str], read_body: BodyReader
) -> dict[str, int]:
    """An account without CTM answers like a bad signature: a webhook URL says nothing about
    which accounts exist."""
    credential = await integrations.store(NAME).find(account_id)
    if credential is None:
        raise BadSignature()
    tolerance = integrations.settings.calltrackingmetrics.webhook_tolerance_seconds
    receiver = CtmWebhooks(account_id, integrations.box.open(credential.api_key), tolerance)
    return await receive(receiver, headers, read_body)
