"""Salesforce synced two ways: the import by SOQL `queryAll` followed by `nextRecordsUrl`, at
the org's `instance_url`; a 429 waited out; a token the API refuses (401) refreshed once;
outbound messages acknowledged with `<Ack>true</Ack>` from the connected org only."""

import json

from beanie import PydanticObjectId

from shared.models.contact import Contact
from tests.external_api.factories import create_connection
from tests.external_api.fakes import form_of, json_answer, query_of
from tests.external_api.fakes.salesforce import (
    CLIENT_ID,
    CLIENT_SECRET,
    CONTACTS_URL,
    INSTANCE,
    ORG,
    QUERY_ALL_URL,
    TOKEN_URL,
    contact,
    outbound_message,
    query_page,
    token_answer,
)
from tests.external_api.integrations.crm_sync.conftest import from_queue_manager, set_up, sync_path

ADA = contact("0035e00000AdaAAA", "Ada", "Lovelace", "ada@example.com")
GRACE = contact("0035e00000GraAAA", "Grace", "Hopper", "grace@example.com")
NEXT = "/services/data/v59.0/query/01g5e00000NextAAA-2000"
INVALID_SESSION = [{"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}]


async def connected(account_id: str):
    return await create_connection(
        "salesforce",
        account_id,
        access_token="sf-current",
        expires_in=None,
        external_id=ORG,
        options={"instance_url": INSTANCE},
    )


async def first_names(account_id: str) -> list[str]:
    contacts = await Contact.find({"account_id": PydanticObjectId(account_id)}).to_list()
    return sorted(c.first_name for c in contacts)


def changes(contact_id: str) -> dict:
    return {"changes": [{"external_id": contact_id}]}


async def test_the_import_queries_all_contacts_and_follows_next_records(
    crm, admin, fake, account_id
):
    await connected(account_id)
    await set_up(crm, "salesforce", admin)
    fake.on("GET", QUERY_ALL_URL, json_answer(query_page([ADA], NEXT)))
    fake.on("GET", f"{INSTANCE}{NEXT}", json_answer(query_page([GRACE])))

    pulled = await crm.post(
        sync_path("salesforce", account_id, "pull"), headers=from_queue_manager()
    )

    assert pulled.json() == {"applied": 2}
    (query,) = fake.sent("GET", QUERY_ALL_URL)
    soql = query_of(query)["q"]
    assert soql.startswith("SELECT ") and soql.endswith(
        "FROM Contact ORDER BY LastModifiedDate ASC"
    )
    assert "FirstName" in soql and "IsDeleted" in soql
    assert query.headers["authorization"] == "Bearer sf-current"
    assert await first_names(account_id) == ["Ada", "Grace"]


async def test_a_429_is_waited_out_for_its_retry_after(crm, admin, fake, waits, account_id):
    await connected(account_id)
    await set_up(crm, "salesforce", admin)
    busy = json_answer(
        [{"message": "Too many requests", "errorCode": "REQUEST_LIMIT_EXCEEDED"}],
        429,
        {"retry-after": "3"},
    )
    fake.on("GET", f"{CONTACTS_URL}/{ADA['Id']}", busy, json_answer(ADA))

    response = await crm.post(
        sync_path("salesforce", account_id, "changes"),
        json=changes(ADA["Id"]),
        headers=from_queue_manager(),
    )

    assert response.json() == {"outcomes": ["created"]}
    assert waits == [3.0]


async def test_a_refused_session_is_refreshed_once(crm, admin, fake, account_id):
    await connected(account_id)
    await set_up(crm, "salesforce", admin)
    fake.on("POST", TOKEN_URL, json_answer(token_answer("sf-fresh")))
    fake.on(
        "GET", f"{CONTACTS_URL}/{ADA['Id']}", json_answer(INVALID_SESSION, 401), json_answer(ADA)
    )

    response = await crm.post(
        sync_path("salesforce", account_id, "changes"),
        json=changes(ADA["Id"]),
        headers=from_queue_manager(),
    )

    assert response.json() == {"outcomes": ["created"]}
    (refresh,) = fake.sent("POST", TOKEN_URL)
    assert form_of(refresh) == {
        "grant_type": "refresh_token",
        "refresh_token": "1//refresh",
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
    }
    retried = fake.sent("GET", f"{CONTACTS_URL}/{ADA['Id']}")[1]
    assert retried.headers["authorization"] == "Bearer sf-fresh"


async def test_a_platform_contact_is_created_then_read_back(crm, admin, fake, account_id):
    await connected(account_id)
    await set_up(crm, "salesforce", admin)
    stored = await Contact(
        account_id=PydanticObjectId(account_id), first_name="Ada", emails=["ada@example.com"]
    ).insert()
    fake.on(
        "POST", CONTACTS_URL, json_answer({"id": ADA["Id"], "success": True, "errors": []}, 201)
    )
    fake.on("GET", f"{CONTACTS_URL}/{ADA['Id']}", json_answer(ADA))

    response = await crm.post(
        sync_path("salesforce", account_id, f"contacts/{stored.id}/push"),
        headers=from_queue_manager(),
    )

    assert response.json() == {"outcomes": ["created"]}
    sent = json.loads(fake.sent("POST", CONTACTS_URL)[0].content)
    assert (sent["FirstName"], sent["Email"], sent["LastName"]) == (
        "Ada",
        "ada@example.com",
        "ada@example.com",
    )


async def test_an_outbound_message_from_the_org_is_acknowledged(crm, jobs, account_id):
    await connected(account_id)
    url = f"/v1/e/salesforce/webhooks/outbound/{account_id}"

    response = await crm.post(
        url, content=outbound_message(ADA["Id"]), headers={"content-type": "text/xml"}
    )

    assert response.status_code == 200
    assert "<Ack>true</Ack>" in response.text
    [(_, kwargs, task_id)] = jobs.sent
    assert task_id == "salesforce:04l5e000000Abc1AAC"
    assert kwargs["event"]["data"]["changes"] == [{"external_id": ADA["Id"], "deleted": False}]


async def test_an_outbound_message_from_another_org_is_refused(crm, jobs, account_id):
    await connected(account_id)
    url = f"/v1/e/salesforce/webhooks/outbound/{account_id}"

    response = await crm.post(
        url,
        content=outbound_message(ADA["Id"], org="00D000000000999AAA"),
        headers={"content-type": "text/xml"},
    )

    assert (response.status_code, response.json()["error"]["code"]) == (401, "invalid_signature")
    assert jobs.sent == []
