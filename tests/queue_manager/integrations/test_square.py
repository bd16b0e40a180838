"""Square's webhook events: the customer or payment they carry copied into the Square billing
collections of each account that connected the seller, never older over newer; a changed
catalog read again through the external API."""

import pytest
from beanie import PydanticObjectId

from queue_manager.integrations import square
from queue_manager.integrations.square import handle
from shared.models.square_customer import SquareCustomer
from shared.models.square_payment import SquarePayment
from shared.models.square_token import SquareToken
from tests.external_api.fakes.square import MERCHANT, customer, payment


async def connect(merchant_id: str = MERCHANT) -> PydanticObjectId:
    token = await SquareToken(
        account_id=PydanticObjectId(), access_token="sealed", external_id=merchant_id
    ).insert()
    return token.account_id


@pytest.fixture
async def account_id() -> PydanticObjectId:
    return await connect()


def square_event(kind: str, type_: str, square_object: dict, deleted: bool = False) -> dict:
    data = {"merchant_id": MERCHANT, "kind": kind, "object": square_object, "deleted": deleted}
    return {"id": f"evt-{square_object['id']}", "type": type_, "data": data}


async def test_a_payment_event_stores_the_payment_for_the_connected_account(run, account_id):
    answer = await run(handle, square_event("payment", "payment.updated", payment("P1")))

    stored = await SquarePayment.find_one({"square_id": "P1"})
    assert answer == {"stored": 1}
    assert (stored.account_id, stored.amount, stored.currency) == (account_id, 1850, "USD")


async def test_every_account_connected_to_the_seller_gets_the_copy(run, account_id):
    other = await connect()

    await run(handle, square_event("customer", "customer.created", customer("C1")))

    owners = {c.account_id for c in await SquareCustomer.find({"square_id": "C1"}).to_list()}
    assert owners == {account_id, other}


async def test_an_older_event_does_not_undo_a_newer_one(run, account_id):
    newer = customer("C1", "2024-03-02T10:00:00Z", given_name="New")
    older = customer("C1", "2024-03-01T10:00:00Z", given_name="Old")
    await run(handle, square_event("customer", "customer.updated", newer))

    answer = await run(handle, square_event("customer", "customer.updated", older))

    assert answer == {"stored": 0}
    assert (await SquareCustomer.find_one({"square_id": "C1"})).given_name == "New"


async def test_a_deleted_customer_is_marked_deleted(run, account_id):
    later = customer("C1", "2024-03-05T10:00:00Z")

    await run(handle, square_event("customer", "customer.deleted", later, deleted=True))

    assert (await SquareCustomer.find_one({"square_id": "C1"})).deleted


async def test_an_event_of_a_seller_nobody_connected_is_skipped(run):
    answer = await run(handle, square_event("payment", "payment.created", payment("P1")))

    assert answer == {"skipped": "no account has connected this Square seller"}
    assert await SquarePayment.find_one({"square_id": "P1"}) is None


async def test_a_catalog_change_asks_the_external_api_to_read_the_catalog(
    run, account_id, monkeypatch
):
    asked: list[tuple[str, str]] = []

    async def call(method: str, path: str, **options):
        asked.append((method, path))
        return {"catalog_items": 1}

    monkeypatch.setattr(square, "call", call)
    event = {"id": "e1", "type": "catalog.version.updated", "data": {"merchant_id": MERCHANT}}

    answer = await run(handle, event)

    assert answer == {"catalog_synced": 1}
    assert asked == [("POST", f"/v1/e/square/accounts/{account_id}/catalog/sync")]
