"""Stripe Connect through /v1/e/stripe: the consent URL and code exchange, the connected
account's id asked once, and the sync of customers, subscriptions and charges with the
platform's key on the connected account, page after page."""

from urllib.parse import parse_qs, urlsplit

from beanie import PydanticObjectId

from shared.models.billing_charge import BillingCharge
from shared.models.billing_customer import BillingCustomer
from shared.models.billing_subscription import BillingSubscription
from shared.models.membership import Role
from shared.models.stripe_token import StripeToken
from tests.external_api.conftest import DASHBOARD, headers_for
from tests.external_api.factories import BOX
from tests.external_api.fakes import form_of, json_answer, query_of
from tests.external_api.fakes.stripe import (
    ACCESS_TOKEN,
    ACCOUNT,
    ACCOUNT_URL,
    AUTHORIZE_URL,
    CHARGE,
    CHARGES_URL,
    CLIENT_ID,
    CONNECTED,
    CUSTOMERS_URL,
    SECRET_KEY,
    SUBSCRIPTION,
    SUBSCRIPTIONS_URL,
    TOKEN_ANSWER,
    TOKEN_URL,
    customer,
    page,
)
from tests.external_api.integrations.stripe.conftest import stripe_settings


def answer_sync(fake) -> None:
    fake.on("GET", ACCOUNT_URL, json_answer(ACCOUNT))
    fake.on(
        "GET",
        CUSTOMERS_URL,
        json_answer(page(customer("cus_1"), customer("cus_2"), has_more=True)),
        json_answer(page(customer("cus_3"))),
    )
    fake.on("GET", SUBSCRIPTIONS_URL, json_answer(page(SUBSCRIPTION)))
    fake.on("GET", CHARGES_URL, json_answer(page(CHARGE)))


async def sync(stripe, account_id: str):
    return await stripe.post("/v1/e/stripe/sync", headers=headers_for(account_id))


async def test_connecting_sends_the_user_to_stripe_connect_without_pkce(stripe, admin):
    response = await stripe.get("/v1/e/stripe/auth/start", headers=admin)

    url = urlsplit(response.json()["authorize_url"])
    query = {name: values[0] for name, values in parse_qs(url.query).items()}
    assert f"{url.scheme}://{url.netloc}{url.path}" == AUTHORIZE_URL
    assert (query["client_id"], query["scope"], query["response_type"]) == (
        CLIENT_ID,
        "read_write",
        "code",
    )
    assert query["redirect_uri"] == f"{DASHBOARD}/integrations/stripe/callback"
    assert "code_challenge" not in query


async def test_the_code_is_exchanged_with_the_platforms_secret_key(stripe, fake, admin, account_id):
    fake.on("POST", TOKEN_URL, json_answer(TOKEN_ANSWER))
    start = await stripe.get("/v1/e/stripe/auth/start", headers=admin)
    state = parse_qs(urlsplit(start.json()["authorize_url"]).query)["state"][0]

    response = await stripe.post(
        "/v1/e/stripe/auth/complete", json={"state": state, "code": "ac_123456789"}, headers=admin
    )

    assert response.json()["status"] == "connected"
    [exchange] = fake.sent("POST", TOKEN_URL)
    form = form_of(exchange)
    assert (form["grant_type"], form["code"], form["client_secret"]) == (
        "authorization_code",
        "ac_123456789",
        SECRET_KEY,
    )
    token = await StripeToken.find_one({"account_id": PydanticObjectId(account_id)})
    assert BOX.open(token.access_token) == ACCESS_TOKEN


async def test_the_sync_asks_the_connected_accounts_id_once_with_its_own_token(
    stripe, fake, connected, account_id
):
    answer_sync(fake)

    await sync(stripe, account_id)
    await sync(stripe, account_id)

    [asked] = fake.sent("GET", ACCOUNT_URL)
    assert asked.headers["authorization"] == f"Bearer {ACCESS_TOKEN}"
    token = await StripeToken.find_one({"account_id": PydanticObjectId(account_id)})
    assert (token.external_id, token.label) == (CONNECTED, "Dee's Doughnuts")


async def test_the_sync_lists_with_the_platform_key_on_the_connected_account(
    stripe, fake, connected, account_id
):
    answer_sync(fake)

    response = await sync(stripe, account_id)

    assert response.json() == {"customers": 3, "subscriptions": 1, "charges": 1}
    for url in (CUSTOMERS_URL, SUBSCRIPTIONS_URL, CHARGES_URL):
        for request in fake.sent("GET", url):
            assert request.headers["authorization"] == f"Bearer {SECRET_KEY}"
            assert request.headers["stripe-account"] == CONNECTED


async def test_a_list_is_followed_page_after_page(stripe, fake, connected, account_id):
    answer_sync(fake)

    await sync(stripe, account_id)

    first, second = fake.sent("GET", CUSTOMERS_URL)
    assert query_of(first) == {"limit": "100"}
    assert query_of(second) == {"limit": "100", "starting_after": "cus_2"}
    assert query_of(fake.sent("GET", SUBSCRIPTIONS_URL)[0]) == {"status": "all", "limit": "100"}


async def test_the_synced_objects_are_stored_for_the_account(stripe, fake, connected, account_id):
    answer_sync(fake)

    await sync(stripe, account_id)

    owner = PydanticObjectId(account_id)
    customers = await BillingCustomer.find({"account_id": owner}).to_list()
    assert sorted(c.stripe_id for c in customers) == ["cus_1", "cus_2", "cus_3"]
    subscription = await BillingSubscription.find_one({"account_id": owner})
    assert (subscription.status, subscription.items[0].unit_amount) == ("active", 1000)
    charge = await BillingCharge.find_one({"account_id": owner})
    assert (charge.amount, charge.currency, charge.stripe_account_id) == (1099, "usd", CONNECTED)


async def test_syncing_again_keeps_one_copy_of_each(stripe, fake, connected, account_id):
    answer_sync(fake)
    await sync(stripe, account_id)
    answer_sync(fake)

    await sync(stripe, account_id)

    assert await BillingCustomer.find({"account_id": PydanticObjectId(account_id)}).count() == 3


async def test_a_busy_stripe_is_asked_again_after_its_retry_after(
    stripe, fake, waits, connected, account_id
):
    answer_sync(fake)
    busy = json_answer({"error": {"message": "Rate limit"}}, 429, {"retry-after": "2"})
    fake.answers[("GET", CHARGES_URL)].appendleft(busy)

    response = await sync(stripe, account_id)

    assert response.status_code == 200
    assert len(fake.sent("GET", CHARGES_URL)) == 2
    assert waits == [2]


async def test_the_synced_copies_are_listed_for_billing_readers(
    stripe, fake, connected, account_id
):
    answer_sync(fake)
    await sync(stripe, account_id)

    response = await stripe.get("/v1/e/stripe/charges", headers=headers_for(account_id))
    refused = await stripe.get("/v1/e/stripe/charges", headers=headers_for(account_id, Role.MEMBER))

    [charge] = response.json()["data"]
    assert (charge["stripe_id"], charge["amount"], charge["currency"]) == (
        CHARGE["id"],
        1099,
        "usd",
    )
    assert refused.status_code == 403


async def test_another_accounts_copies_are_not_listed(stripe, fake, connected, account_id):
    answer_sync(fake)
    await sync(stripe, account_id)

    response = await stripe.get(
        "/v1/e/stripe/customers", headers=headers_for(str(PydanticObjectId()))
    )

    assert response.json()["data"] == []


async def test_the_connected_account_is_described(stripe, fake, connected, account_id):
    fake.on("GET", ACCOUNT_URL, json_answer(ACCOUNT))

    response = await stripe.get("/v1/e/stripe/account", headers=headers_for(account_id))

    assert response.json() == {
        "id": CONNECTED,
        "business_name": "Dee's Doughnuts",
        "email": "owner@dees.example.com",
        "country": "US",
        "default_currency": "usd",
        "charges_enabled": True,
        "payouts_enabled": True,
    }
    platform_call = fake.sent("GET", ACCOUNT_URL)[-1]
    assert platform_call.headers["stripe-account"] == CONNECTED


async def test_without_a_platform_key_the_sync_answers_503(
    start_external, fake, connected, account_id
):
    async with start_external(stripe=stripe_settings(secret_key="")) as client:
        response = await client.post("/v1/e/stripe/sync", headers=headers_for(account_id))

    assert response.status_code == 503
    assert fake.requests == []


async def test_without_stripe_the_sync_answers_409(stripe, fake, account_id):
    response = await sync(stripe, account_id)

    assert response.status_code == 409
    assert fake.requests == []
