"""The account's connected Square seller: its customers, payments and catalog items read into
the Square billing collections (the sync, paged by cursor), read back from there; Square's
signed webhooks handed to the queue manager, which copies the objects they carry and asks for
the catalog again when it changed."""

from collections.abc import AsyncIterator, Callable, Mapping
from typing import TypeVar

from beanie import PydanticObjectId

from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.framework.webhooks import BadSignature, BodyReader, receive
from external_api.integrations.square.client import SquareClient
from external_api.integrations.square.repository import SquareRecordRepository
from external_api.integrations.square.schemas import SyncRead
from external_api.integrations.square.webhooks import SquareWebhooks
from shared.domain.billing.square_objects import SquareKind, store_square_object
from shared.models.square_record import SquareRecord
from shared.models.square_token import SquareToken
from shared.utilities.pagination import Page, PageParams

NAME = "square"
WEBHOOK_PATH = "/v1/e/square/webhooks/events"
RecordT = TypeVar("RecordT", bound=SquareRecord)
# What the sync reads, each into its count of `SyncRead`.
LISTS: dict[SquareKind, tuple[str, Callable[[SquareClient], AsyncIterator[dict]]]] = {
    SquareKind.CUSTOMER: ("customers", SquareClient.customers),
    SquareKind.PAYMENT: ("payments", SquareClient.payments),
    SquareKind.CATALOG_ITEM: ("catalog_items", SquareClient.catalog_items),
}


async def sync(
    integrations: Integrations, account_id: str, kinds: tuple[SquareKind, ...] = tuple(LISTS)
) -> SyncRead:
    """Every object of each kind, as Square lists it now; a copy as new or newer (a webhook
    brought it while the sync ran) is kept."""
    credential: SquareToken = await integrations.store(NAME).connected(account_id)
    http = integrations.connected_http(NAME, account_id)
    client = SquareClient(http, integrations.settings.square.api_version)
    owner = PydanticObjectId(account_id)
    counts: dict[str, int] = {}
    for kind in kinds:
        field, listed = LISTS[kind]
        stored = 0
        async for square_object in listed(client):
            stored += await store_square_object(owner, credential.external_id, kind, square_object)
        counts[field] = stored
    return SyncRead(**counts)


async def list_records(model: type[RecordT], account_id: str, params: PageParams) -> Page[RecordT]:
    return await SquareRecordRepository(model, account_id).paginate(params)


async def receive_event(
    integrations: Integrations, headers: Mapping[str, str], read_body: BodyReader
) -> dict[str, int]:
    key = integrations.settings.square.webhook_signature_key.get_secret_value()
    if not key:
        raise BadSignature("Square webhooks are not configured here.")
    url = f"{integrations.settings.public_url.rstrip('/')}{WEBHOOK_PATH}"
    return await receive(SquareWebhooks(key, url), headers, read_body)
