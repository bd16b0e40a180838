"""/v1/store: an agency resells a catalogue item, its client finds it by tag and orders it, the
agency fulfils and refunds it; another agency's order answers 404 and stays as it was; a
consumer's public checkout answers the page to pay on."""

import pytest

from shared.models.consumer_purchase import ConsumerPurchase, PurchaseStatus
from shared.models.store_order import StoreOrder
from tests.factories import create_signed_in, create_sub_account
from tests.internal_api.store.conftest import STORE
from tests.onebalance_factories import save_card
from tests.store_factories import create_offer


@pytest.fixture
async def agency(mongo):
    return await create_signed_in()


@pytest.fixture
async def client(agency):
    signed_in = await create_signed_in(await create_sub_account(agency.account, name="Acme"))
    await save_card(signed_in.account)
    return signed_in


async def order_of(api, agency, client) -> dict:
    product = {"catalogue_item": "review-management", "price": 9_900}
    listed = await api.post(f"{STORE}/products", json=product, headers=agency.headers)
    body = {"product_id": listed.json()["id"], "key": "order-0001"}
    ordered = await api.post(f"{STORE}/orders", json=body, headers=client.headers)
    assert ordered.status_code == 201, ordered.text
    return ordered.json()


async def test_a_client_orders_a_resold_item_and_the_agency_fulfils_it(api, agency, client):
    listed = await api.post(
        f"{STORE}/products",
        json={"catalogue_item": "seo-audit", "price": 19_900, "name": "Acme SEO"},
        headers=agency.headers,
    )
    found = await api.get(f"{STORE}/listings?tag=seo", headers=client.headers)
    [product] = found.json()["data"]
    ordered = await api.post(
        f"{STORE}/orders",
        json={"product_id": product["id"], "key": "order-0002"},
        headers=client.headers,
    )
    order_id = ordered.json()["id"]

    tracked = await api.patch(
        f"{STORE}/fulfilment/{order_id}",
        json={"status": "in_progress", "assignee_id": str(agency.user.id)},
        headers=agency.headers,
    )

    assert (listed.json()["tags"], product["name"]) == (["seo"], "Acme SEO")
    assert (ordered.json()["status"], ordered.json()["amount"]) == ("paid", 19_900)
    assert (tracked.json()["status"], tracked.json()["assignee_id"]) == (
        "in_progress",
        str(agency.user.id),
    )
    seen = await api.get(f"{STORE}/orders/{order_id}", headers=client.headers)
    assert seen.json()["project_id"] == ordered.json()["project_id"] is not None


async def test_another_agencys_order_answers_404_and_stays_as_it_was(api, agency, client):
    order = await order_of(api, agency, client)
    stranger = await create_signed_in()

    tracked = await api.patch(
        f"{STORE}/fulfilment/{order['id']}", json={"status": "delivered"}, headers=stranger.headers
    )
    refunded = await api.post(
        f"{STORE}/fulfilment/{order['id']}/refunds",
        json={"key": "refund-0001"},
        headers=stranger.headers,
    )
    read = await api.get(f"{STORE}/orders/{order['id']}", headers=stranger.headers)

    assert [answer.status_code for answer in (tracked, refunded, read)] == [404, 404, 404]
    assert tracked.json()["error"]["code"] == "not_found"
    stored = await StoreOrder.get(order["id"])
    assert (stored.status, stored.amount_refunded) == ("paid", 0)


async def test_the_agency_refunds_part_of_an_order(api, agency, client):
    order = await order_of(api, agency, client)

    refunded = await api.post(
        f"{STORE}/fulfilment/{order['id']}/refunds",
        json={"amount": 900, "reason": "late", "key": "refund-0002"},
        headers=agency.headers,
    )

    assert refunded.status_code == 200, refunded.text
    assert (refunded.json()["amount_refunded"], refunded.json()["refunds"][0]["reason"]) == (
        900,
        "late",
    )


async def test_a_consumer_checkout_answers_the_page_to_pay_on(api, client):
    offer = await create_offer(client.account)

    answer = await api.post(
        f"{STORE}/public/checkout/{offer.token}", json={"email": "ada@example.com", "name": "Ada"}
    )

    assert answer.status_code == 201, answer.text
    purchase = await ConsumerPurchase.get(answer.json()["purchase_id"])
    assert answer.json()["url"].startswith("https://smile.example/thanks?session=cs_test_")
    assert (purchase.status, purchase.email) == (PurchaseStatus.PENDING, "ada@example.com")


async def test_a_checkout_link_is_rate_limited_and_the_refused_call_starts_nothing(
    start_api, client
):
    offer = await create_offer(client.account)
    body = {"email": "ada@example.com", "name": "Ada"}

    async with start_api(public_rate_limit_per_key="2/minute", public_rate_limit_per_ip="") as api:
        answers = [
            await api.post(f"{STORE}/public/checkout/{offer.token}", json=body) for _ in range(3)
        ]

    assert [answer.status_code for answer in answers] == [201, 201, 429]
    assert answers[2].json()["error"]["code"] == "rate_limited"
    assert await ConsumerPurchase.find({"offer_id": offer.id}).count() == 2
