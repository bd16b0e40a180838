"""Zoho CRM's contacts through the sync engine: the import paged at the org's data centre,
later pulls by `If-Modified-Since`, a platform change pushed back, the token refreshed at the
accounts server, and a 429 holding the sync off."""

from datetime import UTC, datetime

import httpx

from shared.domain.contacts.writing import update_contact
from shared.models.contact import Contact
from shared.models.crm_sync_connection import CrmSyncConnection, ImportStatus
from tests.external_api.factories import create_connection, expire
from tests.external_api.fakes import form_of, json_answer, json_of, query_of
from tests.external_api.fakes.zoho import (
    API_DOMAIN,
    CLIENT_ID,
    CLIENT_SECRET,
    CONTACTS_URL,
    REFRESHED,
    TOKEN_URL,
    TOO_MANY,
    contact,
    page,
    written,
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
    account = await syncing_account("zoho")
    await create_connection(
        "zoho", str(account.id), access_token="1000.current", options={"api_domain": API_DOMAIN}
    )
    return account


async def pull(client, account) -> httpx.Response:
    return await client.post(pull_path("zoho", str(account.id)), headers=from_queue_manager())


async def test_the_import_pages_through_the_contacts_at_the_orgs_data_centre(crm_api, fake):
    account = await connected_account()
    fake.on(
        "GET",
        CONTACTS_URL,
        json_answer(page(contact("1", "Ada"), more=True)),
        json_answer(page(contact("2", "Grace"), page_number=2)),
    )

    response = await pull(crm_api, account)

    assert response.json() == {"applied": 2}
    first, second = fake.sent("GET", CONTACTS_URL)
    assert [query_of(first)["page"], query_of(second)["page"]] == ["1", "2"]
    assert query_of(first)["sort_by"] == "Modified_Time"
    assert "First_Name" in query_of(first)["fields"].split(",")
    assert "if-modified-since" not in first.headers
    assert first.headers["authorization"] == "Bearer 1000.current"
    names = {c.first_name for c in await Contact.find({"account_id": account.id}).to_list()}
    assert names == {"Ada", "Grace"}


async def test_a_later_pull_asks_only_for_what_changed_since_the_cursor(crm_api, fake):
    account = await connected_account()
    connection = await CrmSyncConnection.find_one({"account_id": account.id})
    connection.import_status = ImportStatus.DONE
    connection.cursor = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
    await connection.save()
    fake.on("GET", CONTACTS_URL, httpx.Response(204))  # Zoho: nothing modified since

    response = await pull(crm_api, account)

    assert response.json() == {"applied": 0}
    [sent] = fake.sent("GET", CONTACTS_URL)
    assert sent.headers["if-modified-since"] == "2026-05-01T12:00:00+00:00"


async def test_a_platform_change_is_pushed_to_the_linked_record(crm_api, fake):
    account = await connected_account()
    fake.on("GET", CONTACTS_URL, json_answer(page(contact("1", "Ada"))))
    await pull(crm_api, account)
    imported = await Contact.find_one({"account_id": account.id})
    async with holding():
        await update_contact(platform_of(account), imported, {"first_name": "Augusta"})
    fake.on("GET", f"{CONTACTS_URL}/1", json_answer({"data": [contact("1", "Ada")]}))
    fake.on("PUT", f"{CONTACTS_URL}/1", json_answer(written("1")))

    response = await crm_api.post(
        push_path("zoho", str(account.id), str(imported.id)), headers=from_queue_manager()
    )

    assert response.json() == {"outcomes": ["updated"]}
    [sent] = fake.sent("PUT", f"{CONTACTS_URL}/1")
    assert json_of(sent)["data"][0]["First_Name"] == "Augusta"


async def test_an_expired_token_is_refreshed_at_the_accounts_server(crm_api, fake):
    account = await connected_account()
    await expire(
        await create_connection(
            "zoho", str(account.id), access_token="1000.old", options={"api_domain": API_DOMAIN}
        )
    )
    fake.on("POST", TOKEN_URL, json_answer(REFRESHED))
    fake.on("GET", CONTACTS_URL, json_answer(page()))

    await pull(crm_api, account)

    [refresh] = fake.sent("POST", TOKEN_URL)
    assert form_of(refresh) == {
        "grant_type": "refresh_token",
        "refresh_token": "1//refresh",
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
    }
    [listed] = fake.sent("GET", CONTACTS_URL)
    assert listed.headers["authorization"] == "Bearer 1000.refreshed.access"


async def test_a_429_holds_the_sync_off_for_its_retry_after(crm_api, fake, waits):
    account = await connected_account()
    fake.on("GET", CONTACTS_URL, json_answer(TOO_MANY, 429, {"retry-after": "20"}))

    response = await pull(crm_api, account)

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "rate_limited"
    assert response.headers["retry-after"] == "20"
    assert waits == [20, 20]  # the framework's tries, each as long as Zoho asked
