"""CRM changes made over HTTP (gateway -> router -> internal_api) reach a general socket client
in the account's room (contacts, deals) or its creator's (the progress of imports and exports,
run by the queue manager's worker). Payloads name
the record and the changed fields, never their values; a failed change sends nothing."""

import json
from collections.abc import AsyncIterator

import pytest

from general_socket.app import create_app as create_general_socket
from general_socket.settings import GeneralSocketSettings
from shared.models.membership import Role
from shared.models.notification import Notification
from tests.factories import create_deal, create_pipeline, create_signed_in
from tests.general_socket.clients import SocketClient
from tests.internal_api.crm.csv_jobs import finished

REDIS_URL = GeneralSocketSettings().redis_url
ADA = {"first_name": "Ada", "emails": ["ada@example.com"]}


@pytest.fixture
async def listen(serve, mongo) -> AsyncIterator:
    """`await listen(signed_in)`: a general socket connection of the user, in its account's
    room."""
    clients: list[SocketClient] = []
    async with serve(create_general_socket(GeneralSocketSettings())) as url:

        async def connected(signed_in) -> SocketClient:
            clients.append(SocketClient())
            assert await clients[-1].connect(url, {"session_id": signed_in.session_id}) is None
            return clients[-1]

        yield connected
        for client in clients:
            await client.disconnect()


async def test_a_created_contact_reaches_the_accounts_room(api, listen):
    owner = await create_signed_in()
    socket = await listen(owner)

    created = (await api.post("/v1/crm/contacts", json=ADA, headers=owner.headers)).json()

    pushed = await socket.next("contact:created")
    assert (pushed["id"], pushed["action"]) == (created["id"], "created")
    assert {"emails", "first_name"} <= set(pushed["fields"])
    assert "ada@example.com" not in json.dumps(pushed)


async def test_an_updated_contact_names_the_changed_fields(api, listen):
    owner = await create_signed_in()
    created = (await api.post("/v1/crm/contacts", json=ADA, headers=owner.headers)).json()
    socket = await listen(owner)

    await api.patch(
        f"/v1/crm/contacts/{created['id']}", json={"last_name": "King"}, headers=owner.headers
    )

    assert await socket.next("contact:updated") == {
        "id": created["id"],
        "action": "updated",
        "fields": ["last_name"],
    }


async def test_a_deleted_contact_reaches_the_accounts_room(api, listen):
    owner = await create_signed_in()
    created = (await api.post("/v1/crm/contacts", json=ADA, headers=owner.headers)).json()
    socket = await listen(owner)

    await api.delete(f"/v1/crm/contacts/{created['id']}", headers=owner.headers)

    assert (await socket.next("contact:deleted"))["id"] == created["id"]


async def test_a_failed_change_sends_nothing(api, listen):
    owner = await create_signed_in()
    await api.post("/v1/crm/contacts", json=ADA, headers=owner.headers)
    socket = await listen(owner)

    duplicate = await api.post("/v1/crm/contacts", json=ADA, headers=owner.headers)
    invalid = await api.post("/v1/crm/contacts", json={"emails": ["x@y.io"]}, headers=owner.headers)
    await socket.settle(REDIS_URL)

    assert (duplicate.status_code, invalid.status_code) == (409, 422)
    assert socket.got("contact:created") == []


async def test_another_account_hears_nothing(api, listen):
    owner = await create_signed_in()
    stranger_socket = await listen(await create_signed_in())

    await api.post("/v1/crm/contacts", json=ADA, headers=owner.headers)
    await stranger_socket.settle(REDIS_URL)

    assert stranger_socket.got("contact:created") == []


async def test_a_created_deal_reaches_the_accounts_room(api, listen):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    socket = await listen(owner)

    body = {
        "title": "Redesign",
        "pipeline_id": str(pipeline.id),
        "stage_id": str(pipeline.stages[0].id),
    }
    created = (await api.post("/v1/crm/deals", json=body, headers=owner.headers)).json()

    pushed = await socket.next("deal:created")
    assert (pushed["id"], pushed["action"]) == (created["id"], "created")
    assert "title" in pushed["fields"]


async def test_a_moved_deal_says_what_changed_of_where_it_is(api, listen):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    deal = await create_deal(pipeline)
    target = pipeline.stages[1]
    socket = await listen(owner)

    await api.post(
        f"/v1/crm/deals/{deal.id}/move", json={"stage_id": str(target.id)}, headers=owner.headers
    )

    pushed = await socket.next("deal:moved")
    assert (pushed["id"], pushed["action"]) == (str(deal.id), "stage_changed")
    assert pushed["to"] == {"stage_id": str(target.id)}  # first on both stages


async def test_an_updated_deal_names_the_changed_fields(api, listen):
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account))
    socket = await listen(owner)

    await api.patch(f"/v1/crm/deals/{deal.id}", json={"value": 5000}, headers=owner.headers)

    assert await socket.next("deal:updated") == {
        "id": str(deal.id),
        "action": "updated",
        "fields": ["value"],
    }


async def test_a_deleted_deal_reaches_the_accounts_room(api, listen):
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account))
    socket = await listen(owner)

    await api.delete(f"/v1/crm/deals/{deal.id}", headers=owner.headers)

    assert (await socket.next("deal:deleted"))["id"] == str(deal.id)


@pytest.fixture
async def files_api(start_files_api):
    async with start_files_api() as client:
        yield client


async def test_an_imports_progress_and_its_contacts_reach_its_creators_room(files_api, listen):
    owner = await create_signed_in()
    socket = await listen(owner)
    csv = "First,Email\nAda,ada@example.com\nAlan,alan@example.com\n"
    files = {"file": ("contacts.csv", csv.encode(), "text/csv")}
    mapping = json.dumps({"First": "first_name", "Email": "emails"})

    response = await files_api.post(
        "/v1/crm/imports", files=files, data={"mapping": mapping}, headers=owner.headers
    )
    job_id = response.json()["id"]
    await finished(files_api, f"/v1/crm/imports/{job_id}", owner.headers)

    progress = [await socket.next("import:progress")]
    while progress[-1]["status"] != "done":
        progress.append(await socket.next("import:progress"))
    assert progress[0] == {
        "id": job_id,
        "status": "running",
        "total_rows": 2,
        "rows_done": 0,
        "rows_failed": 0,
    }
    assert progress[-1]["rows_done"] == 2
    summary = await socket.next("contacts:changed")
    assert (summary["action"], summary["count"], len(summary["ids"])) == ("created", 2, 2)
    await socket.settle(REDIS_URL)
    assert socket.got("contact:created") == []  # one summary, not an event per row


async def test_another_member_hears_nothing_of_an_import(files_api, listen):
    owner = await create_signed_in()
    member = await create_signed_in(owner.account, role=Role.MEMBER)
    socket = await listen(member)
    files = {"file": ("contacts.csv", b"First\nAda\n", "text/csv")}

    response = await files_api.post(
        "/v1/crm/imports",
        files=files,
        data={"mapping": json.dumps({"First": "first_name"})},
        headers=owner.headers,
    )
    await finished(files_api, f"/v1/crm/imports/{response.json()['id']}", owner.headers)

    await socket.settle(REDIS_URL)
    assert socket.got("import:progress") == []
    assert socket.got("notification:new") == []


async def test_an_exports_progress_reaches_its_creators_room(files_api, listen):
    owner = await create_signed_in()
    await files_api.post("/v1/crm/contacts", json=ADA, headers=owner.headers)
    socket = await listen(owner)

    response = await files_api.post(
        "/v1/crm/exports", json={"columns": ["first_name"]}, headers=owner.headers
    )
    job_id = response.json()["id"]

    pushed = await socket.next("export:progress")
    while pushed["status"] != "done":
        pushed = await socket.next("export:progress")
    assert (pushed["id"], pushed["rows_done"]) == (job_id, 1)


async def test_the_creator_is_notified_when_an_import_finishes(files_api, listen):
    owner = await create_signed_in()
    socket = await listen(owner)
    files = {"file": ("contacts.csv", b"First,Email\nAda,ada@example.com\nAda,bad\n", "text/csv")}
    mapping = json.dumps({"First": "first_name", "Email": "emails"})

    response = await files_api.post(
        "/v1/crm/imports", files=files, data={"mapping": mapping}, headers=owner.headers
    )

    pushed = await socket.next("notification:new")
    assert (pushed["kind"], pushed["title"], pushed["body"]) == (
        "crm.import_done",
        "Contact import finished",
        "1 imported, 1 refused.",
    )
    assert pushed["link"] == f"/crm/imports/{response.json()['id']}"
    stored = await Notification.get(pushed["id"])
    assert (stored.user_id, stored.account_id) == (owner.user.id, owner.account.id)


async def test_the_creator_is_notified_when_an_export_is_ready(files_api, listen):
    owner = await create_signed_in()
    await files_api.post("/v1/crm/contacts", json=ADA, headers=owner.headers)
    socket = await listen(owner)

    await files_api.post("/v1/crm/exports", json={"columns": ["first_name"]}, headers=owner.headers)

    pushed = await socket.next("notification:new")
    assert (pushed["kind"], pushed["title"]) == ("crm.export_done", "Contact export ready")
