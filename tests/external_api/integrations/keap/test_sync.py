"""Keap's contacts through the sync engine: the import paged by Keap's `next` URL, later
pulls by `since`, a platform change pushed back with Keap's lists, the token refreshed with
HTTP basic auth, and the throttle's 429 holding the sync off."""

import base64
from datetime import UTC, datetime

import httpx

from external_api.integrations.keap import client as keap_client
from shared.domain.contacts.writing import update_contact
from shared.models.contact import Contact
from shared.models.crm_sync_connection import CrmSyncConnection, ImportStatus
from tests.external_api.factories import create_connection, expire
from tests.external_api.fakes import form_of, json_answer, json_of, query_of
from tests.external_api.fakes.keap import (
    CLIENT_ID,
    CLIENT_SECRET,
    CONTACTS_URL,
    REFRESHED,
    THROTTLED,
    THROTTLED_HEADERS,
    TOKEN_URL,
    contact,
    page,
)
from tests.external_api.integrations.crm_sync_setup import (
    from_queue_manager,
    pull_path,
    push_path,
    syncing_account,
)
from tests.shared.domain.contacts.factories import platform_of
from tests.shared.domain.held import holding


async def connected_account():
    account = await syncing_account("keap")
    await create_connection("keap", str(account.id), access_token="keap-current")
    return account


async def pull(client, account) -> httpx.Response:
    return await client.post(pull_path("keap", str(account.id)), headers=from_queue_manager())


async def test_the_import_follows_keaps_next_url_until_a_short_page(crm_api, fake, monkeypatch):
    monkeypatch.setattr(keap_client, "PAGE_SIZE", 1)
    account = await connected_account()
    first_page = page(contact(1, "Grace"), limit=1)
    fake.on("GET", CONTACTS_URL, json_answer(first_page))
    fake.on("GET", f"{CONTACTS_URL}/", json_answer(page(offset=1, limit=1)))

    response = await pull(crm_api, account)

    assert response.json() == {"applied": 1}
    [first] = fake.sent("GET", CONTACTS_URL)
    assert query_of(first)["order"] == "last_updated"
    assert "since" not in query_of(first)
    [second] = fake.sent("GET", f"{CONTACTS_URL}/")
    assert str(second.url) == first_page["next"]
    [imported] = await Contact.find({"account_id": account.id}).to_list()
    assert (imported.first_name, imported.emails[0]) == ("Grace", "grace@example.com")


async def test_a_later_pull_asks_only_for_what_changed_since_the_cursor(crm_api, fake):
    account = await connected_account()
    connection = await CrmSyncConnection.find_one({"account_id": account.id})
    connection.import_status = ImportStatus.DONE
    connection.cursor = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
    await connection.save()
    fake.on("GET", CONTACTS_URL, json_answer(page()))

    await pull(crm_api, account)

    [sent] = fake.sent("GET", CONTACTS_URL)
    assert query_of(sent)["since"] == "2026-05-01T12:00:00.000+00:00"


async def test_a_platform_change_is_pushed_with_keaps_email_list(crm_api, fake):
    account = await connected_account()
    fake.on("GET", CONTACTS_URL, json_answer(page(contact(1, "Grace"))))
    await pull(crm_api, account)
    imported = await Contact.find_one({"account_id": account.id})
    async with holding():
        await update_contact(platform_of(account), imported, {"first_name": "Amazing"})
    fake.on("GET", f"{CONTACTS_URL}/1", json_answer(contact(1, "Grace")))
    changed = {**contact(1, "Amazing", updated="2026-05-03T09:00:00.000+0000")}
    fake.on("PATCH", f"{CONTACTS_URL}/1", json_answer(changed))

    response = await crm_api.post(
        push_path("keap", str(account.id), str(imported.id)), headers=from_queue_manager()
    )

    assert response.json() == {"outcomes": ["updated"]}
    sent = json_of(fake.sent("PATCH", f"{CONTACTS_URL}/1")[0])
    assert sent["given_name"] == "Amazing"
    assert sent["email_addresses"] == [{"email": "grace@example.com", "field": "EMAIL1"}]


async def test_an_expired_token_is_refreshed_with_basic_auth(crm_api, fake):
    account = await connected_account()
    await expire(await create_connection("keap", str(account.id), access_token="keap-old"))
    fake.on("POST", TOKEN_URL, json_answer(REFRESHED))
    fake.on("GET", CONTACTS_URL, json_answer(page()))

    await pull(crm_api, account)

    [refresh] = fake.sent("POST", TOKEN_URL)
    pair = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    assert refresh.headers["authorization"] == f"Basic {pair}"
    assert form_of(refresh) == {"grant_type": "refresh_token", "refresh_token": "1//refresh"}
    [listed] = fake.sent("GET", CONTACTS_URL)
    assert listed.headers["authorization"] == "Bearer keap-refreshed-access"


async def test_the_throttles_429_holds_the_sync_off_for_its_retry_after(crm_api, fake, waits):
    account = await connected_account()
    fake.on("GET", CONTACTS_URL, json_answer(THROTTLED, 429, THROTTLED_HEADERS))

    response = await pull(crm_api, account)

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "rate_limited"
    assert response.headers["retry-after"] == "15"
    assert waits == [15, 15]
