"""The Square sync through /v1/e/square/sync: customers, payments and catalog items listed with
the account's token in the configured Square-Version, page after page by cursor, copied once
each into the Square billing collections, and listed back to billing readers only."""

from beanie import PydanticObjectId

from shared.models.membership import Role
from shared.models.square_catalog_item import SquareCatalogItem
from shared.models.square_customer import SquareCustomer
from shared.models.square_payment import SquarePayment
from tests.external_api.conftest import headers_for
from tests.external_api.fakes import json_answer, query_of
from tests.external_api.fakes.square import (
    ACCESS_TOKEN,
    CATALOG_URL,
    CUSTOMERS_URL,
    MERCHANT,
    PAYMENTS_URL,
    RATE_LIMITED,
    VERSION,
    catalog_item,
    customer,
    page,
    payment,
)

URLS = (CUSTOMERS_URL, PAYMENTS_URL, CATALOG_URL)


def answer_sync(fake) -> None:
    fake.on(
        "GET",
        CUSTOMERS_URL,
        json_answer(page("customers", [customer("C1"), customer("C2")], cursor="cursor-2")),
        json_answer(page("customers", [customer("C3")])),
    )
    fake.on("GET", PAYMENTS_URL, json_answer(page("payments", [payment("P1")])))
    fake.on("GET", CATALOG_URL, json_answer(page("objects", [catalog_item("I1")])))


async def sync(square, account_id: str):
    return await square.post("/v1/e/square/sync", headers=headers_for(account_id))


async def test_the_sync_counts_what_it_copied(square, fake, connected, account_id):
    answer_sync(fake)

    response = await sync(square, account_id)

    assert response.json() == {"customers": 3, "payments": 1, "catalog_items": 1}


async def test_every_list_is_read_with_the_accounts_token_and_version(
    square, fake, connected, account_id
):
    answer_sync(fake)

    await sync(square, account_id)

    for url in URLS:
        for request in fake.sent("GET", url):
            assert request.headers["authorization"] == f"Bearer {ACCESS_TOKEN}"
            assert request.headers["square-version"] == VERSION


async def test_a_list_is_followed_by_its_cursor(square, fake, connected, account_id):
    answer_sync(fake)

    await sync(square, account_id)

    first, second = fake.sent("GET", CUSTOMERS_URL)
    assert query_of(first) == {"limit": "100"}
    assert query_of(second) == {"limit": "100", "cursor": "cursor-2"}
    assert query_of(fake.sent("GET", CATALOG_URL)[0]) == {"types": "ITEM"}


async def test_the_synced_objects_are_stored_for_the_account(square, fake, connected, account_id):
    answer_sync(fake)

    await sync(square, account_id)

    owner = PydanticObjectId(account_id)
    customers = await SquareCustomer.find({"account_id": owner}).to_list()
    assert sorted(c.square_id for c in customers) == ["C1", "C2", "C3"]
    stored = await SquarePayment.find_one({"account_id": owner})
    assert (stored.amount, stored.currency, stored.merchant_id) == (1850, "USD", MERCHANT)
    item = await SquareCatalogItem.find_one({"account_id": owner})
    [small] = item.variations
    assert (item.name, small.name, small.price_amount, small.currency) == (
        "Cocoa",
        "Small",
        250,
        "USD",
    )


async def test_syncing_again_keeps_one_copy_of_each(square, fake, connected, account_id):
    answer_sync(fake)
    await sync(square, account_id)
    answer_sync(fake)

    response = await sync(square, account_id)

    assert response.json() == {"customers": 0, "payments": 0, "catalog_items": 0}
    assert await SquareCustomer.find({"account_id": PydanticObjectId(account_id)}).count() == 3


async def test_a_busy_square_is_asked_again_after_its_retry_after(
    square, fake, waits, connected, account_id
):
    answer_sync(fake)
    busy = json_answer(RATE_LIMITED, 429, {"retry-after": "3"})
    fake.answers[("GET", PAYMENTS_URL)].appendleft(busy)

    response = await sync(square, account_id)

    assert response.status_code == 200
    assert len(fake.sent("GET", PAYMENTS_URL)) == 2
    assert waits == [3]


async def test_a_sync_without_a_connection_is_refused(square, fake, account_id):
    response = await sync(square, account_id)

    assert response.json()["error"]["code"] == "not_connected"
    assert fake.requests == []


async def test_the_copies_are_listed_for_billing_readers(square, fake, connected, account_id):
    answer_sync(fake)
    await sync(square, account_id)

    response = await square.get("/v1/e/square/payments", headers=headers_for(account_id))
    refused = await square.get(
        "/v1/e/square/payments", headers=headers_for(account_id, Role.MEMBER)
    )

    [listed] = response.json()["data"]
    assert (listed["square_id"], listed["amount"], listed["status"]) == ("P1", 1850, "COMPLETED")
    assert refused.status_code == 403


async def test_another_accounts_copies_are_not_listed(square, fake, connected, account_id):
    answer_sync(fake)
    await sync(square, account_id)

    response = await square.get(
        "/v1/e/square/catalog", headers=headers_for(str(PydanticObjectId()))
    )

    assert response.json()["data"] == []
