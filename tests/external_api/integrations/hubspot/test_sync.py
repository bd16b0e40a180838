"""HubSpot synced two ways: the import paged by `after`, a webhook's contact read again with a
429 waited out and an expired token refreshed, a contact pushed as HubSpot's properties, the
v3 signature checked good and bad, and another account's sync not found."""

import json
import time

from beanie import PydanticObjectId

from shared.models.contact import Contact
from tests.external_api.conftest import headers_for
from tests.external_api.factories import create_connection, expire
from tests.external_api.fakes import form_of, json_answer, query_of
from tests.external_api.fakes.hubspot import (
    CLIENT_ID,
    CLIENT_SECRET,
    CONTACTS_URL,
    PORTAL,
    TOKEN_URL,
    contact,
    event,
    page,
    signed,
    token_answer,
)
from tests.external_api.integrations.crm_sync.conftest import from_queue_manager, set_up, sync_path
from tests.factories import create_account

ADA = contact("501", firstname="Ada", lastname="Lovelace", email="ada@example.com")
GRACE = contact("502", firstname="Grace", lastname="Hopper", email="grace@example.com")
ALAN = contact("503", firstname="Alan", lastname="Turing", email="alan@example.com")


async def connected(account_id: str, **fields):
    return await create_connection(
        "hubspot", account_id, access_token="hs-current", external_id=str(PORTAL), **fields
    )


async def names(account_id: str) -> list[str]:
    contacts = await Contact.find({"account_id": PydanticObjectId(account_id)}).to_list()
    return sorted(c.first_name for c in contacts)


async def test_the_import_reads_every_page_and_creates_each_contact(
    crm, admin, fake, jobs, account_id
):
    await connected(account_id)
    await set_up(crm, "hubspot", admin)
    fake.on(
        "GET",
        CONTACTS_URL,
        json_answer(page([ADA, GRACE], after="NTI1Cg%3D%3D")),
        json_answer(page([ALAN])),
    )

    started = await crm.post("/v1/e/crm-sync/hubspot/import", headers=admin)
    pulled = await crm.post(sync_path("hubspot", account_id, "pull"), headers=from_queue_manager())

    assert started.status_code == 202
    assert [name for name, _, _ in jobs.sent if name.startswith("crm_sync")] == ["crm_sync.pull"]
    assert pulled.json() == {"applied": 3}
    first, second = fake.sent("GET", CONTACTS_URL)
    assert "after" not in query_of(first) and query_of(second)["after"] == "NTI1Cg%3D%3D"
    assert "firstname" in query_of(first)["properties"].split(",")
    assert first.headers["authorization"] == "Bearer hs-current"
    assert await names(account_id) == ["Ada", "Alan", "Grace"]
    state = (await crm.get("/v1/e/crm-sync/hubspot", headers=admin)).json()
    assert (state["import_status"], state["imported"]) == ("done", 3)


async def test_a_429_is_waited_out_for_its_retry_after(crm, admin, fake, waits, account_id):
    await connected(account_id)
    await set_up(crm, "hubspot", admin)
    busy = json_answer(
        {
            "status": "error",
            "message": "You have reached your ten_secondly_rolling limit.",
            "errorType": "RATE_LIMIT",
            "policyName": "TEN_SECONDLY_ROLLING",
        },
        429,
        {"retry-after": "7"},
    )
    fake.on("GET", f"{CONTACTS_URL}/501", busy, json_answer(ADA))

    response = await crm.post(
        sync_path("hubspot", account_id, "changes"),
        json={"changes": [{"external_id": "501"}]},
        headers=from_queue_manager(),
    )

    assert response.json() == {"outcomes": ["created"]}
    assert waits == [7.0]
    assert await names(account_id) == ["Ada"]


async def test_an_expired_token_is_refreshed_with_hubspots_form(crm, admin, fake, account_id):
    await expire(await connected(account_id))
    await set_up(crm, "hubspot", admin)
    fake.on("POST", TOKEN_URL, json_answer(token_answer("hs-fresh")))
    fake.on("GET", f"{CONTACTS_URL}/501", json_answer(ADA))

    await crm.post(
        sync_path("hubspot", account_id, "changes"),
        json={"changes": [{"external_id": "501"}]},
        headers=from_queue_manager(),
    )

    (refresh,) = fake.sent("POST", TOKEN_URL)
    assert form_of(refresh) == {
        "grant_type": "refresh_token",
        "refresh_token": "1//refresh",
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
    }
    assert fake.sent("GET", f"{CONTACTS_URL}/501")[0].headers["authorization"] == "Bearer hs-fresh"


async def test_a_platform_contact_is_pushed_as_hubspot_properties(crm, admin, fake, account_id):
    await connected(account_id)
    await set_up(crm, "hubspot", admin)
    stored = await Contact(
        account_id=PydanticObjectId(account_id), first_name="Grace", emails=["grace@example.com"]
    ).insert()
    fake.on("POST", CONTACTS_URL, json_answer(GRACE, 201))

    response = await crm.post(
        sync_path("hubspot", account_id, f"contacts/{stored.id}/push"), headers=from_queue_manager()
    )

    assert response.json() == {"outcomes": ["created"]}
    (sent,) = fake.sent("POST", CONTACTS_URL)
    assert json.loads(sent.content)["properties"]["firstname"] == "Grace"
    assert json.loads(sent.content)["properties"]["email"] == "grace@example.com"


async def test_a_signed_batch_is_handed_on_per_contact(crm, jobs):
    body, headers = signed([event(1001, 501), event(1002, 502, "contact.deletion")])

    response = await crm.post("/v1/e/hubspot/webhooks/contacts", content=body, headers=headers)

    assert response.json() == {"received": 2, "accepted": 2}
    data = [kwargs["event"]["data"] for _, kwargs, _ in jobs.sent]
    assert data == [
        {"external_account": str(PORTAL), "changes": [{"external_id": "501", "deleted": False}]},
        {"external_account": str(PORTAL), "changes": [{"external_id": "502", "deleted": True}]},
    ]


async def test_a_batch_signed_with_another_secret_is_refused(crm, jobs):
    body, headers = signed([event(1001, 501)], secret="not-the-app-secret")

    response = await crm.post("/v1/e/hubspot/webhooks/contacts", content=body, headers=headers)

    assert (response.status_code, response.json()["error"]["code"]) == (401, "invalid_signature")
    assert jobs.sent == []


async def test_a_batch_signed_more_than_five_minutes_ago_is_refused(crm, jobs):
    body, headers = signed([event(1001, 501)], at_ms=int((time.time() - 301) * 1000))

    response = await crm.post("/v1/e/hubspot/webhooks/contacts", content=body, headers=headers)

    assert response.status_code == 401
    assert jobs.sent == []


async def test_another_accounts_sync_is_not_found(crm, admin, account_id):
    await connected(account_id)
    await set_up(crm, "hubspot", admin)
    other = headers_for(str((await create_account(name="Other")).id))

    response = await crm.get("/v1/e/crm-sync/hubspot", headers=other)

    assert (response.status_code, response.json()["error"]["code"]) == (404, "crm_sync_not_set_up")


async def test_each_records_outcome_is_in_the_sync_log(crm, admin, fake, account_id):
    await connected(account_id)
    await set_up(crm, "hubspot", admin)
    fake.on("GET", f"{CONTACTS_URL}/501", json_answer(ADA))
    changed = {"changes": [{"external_id": "501"}]}
    await crm.post(
        sync_path("hubspot", account_id, "changes"), json=changed, headers=from_queue_manager()
    )

    response = await crm.get("/v1/e/crm-sync/hubspot/log", headers=admin)

    [entry] = response.json()["data"]
    assert (entry["direction"], entry["outcome"], entry["external_id"]) == (
        "incoming",
        "created",
        "501",
    )
    assert entry["contact_id"] is not None
