"""ActiveCampaign's contacts through the sync engine, at the account's own API URL with its
`Api-Token`: the import paged by offset against `meta.total`, later pulls by
`filters[updated_after]`, a platform change pushed back, a 429 holding the sync off; and the
key connected only with one of ActiveCampaign's own URLs."""

from datetime import UTC, datetime

import httpx
from beanie import PydanticObjectId

from shared.domain.contacts.writing import update_contact
from shared.models.contact import Contact
from shared.models.crm_more_tokens import ActiveCampaignKey
from shared.models.crm_sync_connection import CrmSyncConnection, ImportStatus
from tests.external_api.conftest import headers_for
from tests.external_api.factories import new_account_id
from tests.external_api.fakes import json_answer, json_of, query_of
from tests.external_api.fakes.activecampaign import (
    API_KEY,
    API_URL,
    CONTACTS_URL,
    TOO_MANY,
    USER,
    USERS_ME_URL,
    contact,
    page,
)
from tests.external_api.integrations.connections import create_key_connection
from tests.external_api.integrations.crm_sync_setup import (
    from_queue_manager,
    pull_path,
    push_path,
    syncing_account,
)
from tests.shared.domain.contacts.factories import platform_of
from tests.shared.domain.held import holding


async def connected_account():
    account = await syncing_account("activecampaign")
    await create_key_connection("activecampaign", str(account.id), API_KEY, api_url=API_URL)
    return account


async def pull(client, account) -> httpx.Response:
    path = pull_path("activecampaign", str(account.id))
    return await client.post(path, headers=from_queue_manager())


async def test_the_import_pages_by_offset_until_the_total(crm_api, fake):
    account = await connected_account()
    fake.on(
        "GET",
        CONTACTS_URL,
        json_answer(page(contact("1", "Grace"), total=2)),
        json_answer(page(contact("2", "Ada"), total=2)),
    )

    response = await pull(crm_api, account)

    assert response.json() == {"applied": 2}
    first, second = fake.sent("GET", CONTACTS_URL)
    assert [query_of(first)["offset"], query_of(second)["offset"]] == ["0", "1"]
    assert first.headers["api-token"] == API_KEY
    assert "filters[updated_after]" not in query_of(first)
    names = {c.first_name for c in await Contact.find({"account_id": account.id}).to_list()}
    assert names == {"Grace", "Ada"}


async def test_a_later_pull_asks_only_for_what_changed_since_the_cursor(crm_api, fake):
    account = await connected_account()
    connection = await CrmSyncConnection.find_one({"account_id": account.id})
    connection.import_status = ImportStatus.DONE
    connection.cursor = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
    await connection.save()
    fake.on("GET", CONTACTS_URL, json_answer(page()))

    await pull(crm_api, account)

    [sent] = fake.sent("GET", CONTACTS_URL)
    assert query_of(sent)["filters[updated_after]"] == "2026-05-01T12:00:00"


async def test_a_platform_change_is_pushed_to_the_linked_contact(crm_api, fake):
    account = await connected_account()
    fake.on("GET", CONTACTS_URL, json_answer(page(contact("1", "Grace"))))
    await pull(crm_api, account)
    imported = await Contact.find_one({"account_id": account.id})
    async with holding():
        await update_contact(platform_of(account), imported, {"last_name": "Murray"})
    fake.on("GET", f"{CONTACTS_URL}/1", json_answer({"contact": contact("1", "Grace")}))
    later = {**contact("1", "Grace", udate="2026-05-03T09:00:00-05:00"), "lastName": "Murray"}
    fake.on("PUT", f"{CONTACTS_URL}/1", json_answer({"contact": later}))

    response = await crm_api.post(
        push_path("activecampaign", str(account.id), str(imported.id)),
        headers=from_queue_manager(),
    )

    assert response.json() == {"outcomes": ["updated"]}
    assert json_of(fake.sent("PUT", f"{CONTACTS_URL}/1")[0])["contact"]["lastName"] == "Murray"


async def test_a_429_holds_the_sync_off_for_its_retry_after(crm_api, fake, waits):
    account = await connected_account()
    fake.on("GET", CONTACTS_URL, json_answer(TOO_MANY, 429, {"retry-after": "1"}))

    response = await pull(crm_api, account)

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "rate_limited"
    assert waits == [1, 1]


async def test_a_key_is_checked_at_the_accounts_api_url_and_kept_with_it(crm_api, fake):
    account_id = new_account_id()
    fake.on("GET", USERS_ME_URL, json_answer(USER))

    response = await crm_api.put(
        "/v1/e/activecampaign/key",
        json={"api_key": API_KEY, "api_url": API_URL},
        headers=headers_for(account_id),
    )

    assert response.status_code == 200, response.text
    [check] = fake.sent("GET", USERS_ME_URL)
    assert check.headers["api-token"] == API_KEY
    stored = await ActiveCampaignKey.find_one({"account_id": PydanticObjectId(account_id)})
    assert stored.options["api_url"] == API_URL


async def test_a_key_with_an_api_url_not_activecampaigns_is_refused(crm_api, fake):
    account_id = new_account_id()

    response = await crm_api.put(
        "/v1/e/activecampaign/key",
        json={"api_key": API_KEY, "api_url": "https://169.254.169.254/latest"},
        headers=headers_for(account_id),
    )

    assert response.status_code == 422
    assert fake.requests == []
    assert await ActiveCampaignKey.find_one({"account_id": PydanticObjectId(account_id)}) is None
