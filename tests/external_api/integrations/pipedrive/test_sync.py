"""Pipedrive synced two ways: the import paged by `start` while `more_items_in_collection`, at
the company's `api_domain`; a 429 waited out; an expired token refreshed with the client's
basic auth; webhooks taken with the right basic auth only."""

import base64
import json

from beanie import PydanticObjectId

from shared.models.contact import Contact
from tests.external_api.conftest import PUBLIC
from tests.external_api.factories import create_connection, expire
from tests.external_api.fakes import form_of, json_answer, query_of
from tests.external_api.fakes.pipedrive import (
    API_DOMAIN,
    CLIENT_ID,
    CLIENT_SECRET,
    PERSONS_URL,
    TOKEN_URL,
    WEBHOOK_PASSWORD,
    WEBHOOK_USER,
    WEBHOOKS_URL,
    basic_auth,
    body_of,
    page,
    person,
    token_answer,
    webhook,
    webhook_made,
)
from tests.external_api.integrations.crm_sync.conftest import from_queue_manager, set_up, sync_path

ADA = person(11, "Ada", "Lovelace", "ada@example.com")
GRACE = person(12, "Grace", "Hopper", "grace@example.com")


async def connected(account_id: str, fake):
    """The account connected to Pipedrive; the webhook its sync asks for made."""
    fake.on("POST", WEBHOOKS_URL, json_answer(webhook_made(webhook_url(account_id)), 201))
    return await create_connection(
        "pipedrive", account_id, access_token="pd-current", options={"api_domain": API_DOMAIN}
    )


async def emails(account_id: str) -> list[str]:
    contacts = await Contact.find({"account_id": PydanticObjectId(account_id)}).to_list()
    return sorted(email for contact in contacts for email in contact.emails)


def webhook_url(account_id: str) -> str:
    return f"{PUBLIC}/v1/e/pipedrive/webhooks/persons/{account_id}"


def changes(person_id: str) -> dict:
    return {"changes": [{"external_id": person_id}]}


async def test_the_import_follows_next_start_at_the_companys_domain(crm, admin, fake, account_id):
    await connected(account_id, fake)
    await set_up(crm, "pipedrive", admin)
    fake.on(
        "GET", PERSONS_URL, json_answer(page([ADA], 0, True)), json_answer(page([GRACE], 1, False))
    )

    pulled = await crm.post(
        sync_path("pipedrive", account_id, "pull"), headers=from_queue_manager()
    )

    assert pulled.json() == {"applied": 2}
    first, second = fake.sent("GET", PERSONS_URL)
    assert (query_of(first)["start"], query_of(second)["start"]) == ("0", "1")
    assert first.headers["authorization"] == "Bearer pd-current"
    assert await emails(account_id) == ["ada@example.com", "grace@example.com"]


async def test_a_429_is_waited_out_for_its_retry_after(crm, admin, fake, waits, account_id):
    await connected(account_id, fake)
    await set_up(crm, "pipedrive", admin)
    busy = json_answer({"success": False, "error": "Too many requests"}, 429, {"retry-after": "2"})
    fake.on("GET", f"{PERSONS_URL}/11", busy, json_answer({"success": True, "data": ADA}))

    response = await crm.post(
        sync_path("pipedrive", account_id, "changes"),
        json=changes("11"),
        headers=from_queue_manager(),
    )

    assert response.json() == {"outcomes": ["created"]}
    assert waits == [2.0]


async def test_an_expired_token_is_refreshed_with_the_clients_basic_auth(
    crm, admin, fake, account_id
):
    await expire(await connected(account_id, fake))
    fake.on("POST", TOKEN_URL, json_answer(token_answer("pd-fresh")))
    await set_up(crm, "pipedrive", admin)
    fake.on("GET", f"{PERSONS_URL}/11", json_answer({"success": True, "data": ADA}))

    await crm.post(
        sync_path("pipedrive", account_id, "changes"),
        json=changes("11"),
        headers=from_queue_manager(),
    )

    (refresh,) = fake.sent("POST", TOKEN_URL)
    client = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    assert refresh.headers["authorization"] == f"Basic {client}"
    assert form_of(refresh) == {"grant_type": "refresh_token", "refresh_token": "1//refresh"}
    assert fake.sent("GET", f"{PERSONS_URL}/11")[0].headers["authorization"] == "Bearer pd-fresh"


async def test_a_webhook_with_the_basic_auth_is_handed_on(crm, jobs, account_id):
    url = f"/v1/e/pipedrive/webhooks/persons/{account_id}"

    response = await crm.post(url, content=body_of(webhook(11, "deleted")), headers=basic_auth())

    assert response.json() == {"received": 1, "accepted": 1}
    [(_, kwargs, _)] = jobs.sent
    assert kwargs["event"]["data"] == {
        "account_id": account_id,
        "changes": [{"external_id": "11", "deleted": True}],
    }


async def test_a_webhook_with_another_password_is_refused(crm, jobs, account_id):
    url = f"/v1/e/pipedrive/webhooks/persons/{account_id}"

    response = await crm.post(
        url, content=body_of(webhook(11)), headers=basic_auth(password="guess")
    )

    assert (response.status_code, response.json()["error"]["code"]) == (401, "invalid_signature")
    assert jobs.sent == []


async def test_setting_the_sync_up_makes_its_person_webhook(crm, admin, fake, account_id):
    await connected(account_id, fake)

    await set_up(crm, "pipedrive", admin)

    (made,) = fake.sent("POST", WEBHOOKS_URL)
    assert json.loads(made.content) == {
        "subscription_url": webhook_url(account_id),
        "event_action": "*",
        "event_object": "person",
        "http_auth_user": WEBHOOK_USER,
        "http_auth_password": WEBHOOK_PASSWORD,
        "version": "1.0",
    }
    assert made.headers["authorization"] == "Bearer pd-current"
