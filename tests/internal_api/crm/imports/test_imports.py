"""POST /v1/crm/imports and GET /v1/crm/imports/{id}: CSV files imported in the background."""

import json
from dataclasses import replace

import pytest

from shared.domain.csv_jobs import importing
from shared.models.contact import Contact
from shared.models.custom_field import CustomFieldType
from shared.models.lead import Lead, LeadSource
from shared.models.membership import Role
from tests.factories import create_signed_in, create_sub_account
from tests.internal_api.crm.csv_jobs import create_custom_field, finished

MAPPING = {
    "First": "first_name",
    "Last": "last_name",
    "Email": "emails",
    "Phone": "phones",
    "Plan": "custom.plan",
    "Seats": "custom.seats",
    "Tags": "tags",
}
MAPPING_OF_TWO = {"First": "first_name", "Email": "emails"}
HEADER = "First,Last,Email,Phone,Plan,Seats,Tags\n"
ADA = 'Ada,Lovelace,ada@example.com,+14155550100,gold,3,"vip, lead"\n'
ALAN = "Alan,Turing,alan@example.com,,silver,,\n"


@pytest.fixture
async def owner():
    signed_in = await create_signed_in()
    await create_custom_field(
        signed_in.account, "plan", CustomFieldType.SELECT, options=["gold", "silver"]
    )
    await create_custom_field(signed_in.account, "seats", CustomFieldType.NUMBER)
    return signed_in


def upload(text: str, mapping: dict[str, str] = MAPPING) -> dict:
    return {
        "files": {"file": ("contacts.csv", text.encode(), "text/csv")},
        "data": {"mapping": json.dumps(mapping)},
    }


async def run(api, owner, text: str, mapping: dict[str, str] = MAPPING) -> dict:
    response = await api.post("/v1/crm/imports", headers=owner.headers, **upload(text, mapping))
    assert response.status_code == 202, response.text
    return await finished(api, f"/v1/crm/imports/{response.json()['id']}", owner.headers)


async def contacts_of(account) -> list[Contact]:
    return await Contact.find({"account_id": account.id}).sort("+created_at", "+_id").to_list()


async def test_a_csv_with_a_mapping_becomes_contacts_with_custom_values(api, owner):
    job = await run(api, owner, HEADER + ADA + ALAN)

    ada, alan = await contacts_of(owner.account)
    assert job["status"] == "done"
    assert (job["total_rows"], job["rows_done"], job["rows_imported"]) == (2, 2, 2)
    assert job["errors"] == []
    assert (ada.first_name, ada.emails, ada.phones) == (
        "Ada",
        ["ada@example.com"],
        ["+14155550100"],
    )
    assert ada.tags == ["vip", "lead"]
    assert {value.field: value.value for value in ada.custom_values} == {"plan": "gold", "seats": 3}
    assert alan.owner_id == owner.user.id


async def test_the_upload_answers_202_with_the_queued_job(api, owner):
    response = await api.post("/v1/crm/imports", headers=owner.headers, **upload(HEADER + ADA))

    assert response.status_code == 202
    assert response.json()["status"] in ("queued", "running", "done")
    assert response.json()["mapping"] == MAPPING


async def test_quoted_cells_may_hold_commas_and_line_breaks(api, owner):
    text = 'First,Last,Notes\n"Ada, Countess","Love\nlace",x\n'

    await run(api, owner, text, {"First": "first_name", "Last": "last_name"})

    [ada] = await contacts_of(owner.account)
    assert (ada.first_name, ada.last_name) == ("Ada, Countess", "Love\nlace")


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ("Grace,Hopper,not-an-email,,,,\n", "Email", "email"),
        ("Grace,Hopper,,12345,,,\n", "Phone", "not valid"),
        ("Grace,Hopper,,,bronze,,\n", "Plan", "not one of"),
        ("Grace,Hopper,,,,many,\n", "Seats", "not a number"),
        (",,grace@example.com,,,,\n", "First", "first or a last name"),
        ("Grace,Hopper,ada@example.com,,,,\n", "Email", "already has ada@example.com"),
    ],
    ids=["bad email", "bad phone", "bad option", "bad number", "no name", "duplicate"],
)
async def test_a_bad_row_is_reported_by_row_and_column_and_imports_nothing(
    api, owner, row, column, message
):
    job = await run(api, owner, HEADER + ADA + row)

    [error] = job["errors"]
    assert (error["row"], error["field"]) == (2, column)
    assert message in error["message"]
    assert (job["rows_done"], job["rows_imported"], job["rows_failed"]) == (2, 1, 1)
    assert [contact.first_name for contact in await contacts_of(owner.account)] == ["Ada"]


async def test_a_failure_mid_way_leaves_whole_chunks_and_a_retry_resumes_after_them(
    api, owner, monkeypatch
):
    rows = [f"P{number},Q,p{number}@example.com,,,,\n" for number in range(1, 6)]
    write_contacts = importing.write_contacts

    async def failing_on_the_second_chunk(author, writes, **options):
        if writes[0]["first_name"] == "P3":
            raise RuntimeError("the database went away")
        return await write_contacts(author, writes, **options)

    monkeypatch.setattr(importing, "CHUNK_ROWS", 2)
    monkeypatch.setattr(importing, "write_contacts", failing_on_the_second_chunk)
    failed = await run(api, owner, HEADER + "".join(rows))
    monkeypatch.setattr(importing, "write_contacts", write_contacts)
    resumed = await run(api, owner, HEADER + "".join(rows))

    assert (failed["status"], failed["rows_done"]) == ("failed", 2)
    assert "after row 2" in failed["failure"]
    assert resumed["id"] == failed["id"]
    assert (resumed["status"], resumed["rows_done"], resumed["errors"]) == ("done", 5, [])
    names = [contact.first_name for contact in await contacts_of(owner.account)]
    assert names == ["P1", "P2", "P3", "P4", "P5"]


async def test_the_same_file_and_mapping_sent_again_answers_the_same_job(api, owner):
    first = await run(api, owner, HEADER + ADA)

    again = await api.post("/v1/crm/imports", headers=owner.headers, **upload(HEADER + ADA))

    assert again.status_code == 202
    assert again.json()["id"] == first["id"]
    assert len(await contacts_of(owner.account)) == 1


async def test_the_same_file_with_another_mapping_is_another_import(api, owner):
    first = await run(api, owner, HEADER + ADA)

    other = await run(api, owner, HEADER + ADA, {"First": "first_name"})

    assert other["id"] != first["id"]
    assert len(await contacts_of(owner.account)) == 2


async def test_a_file_over_the_limit_answers_413_in_the_error_shape_and_stores_nothing(
    start_files_api, owner, tmp_path
):
    async with start_files_api(import_max_bytes=100) as api:
        response = await api.post(
            "/v1/crm/imports", headers=owner.headers, **upload(HEADER + ADA * 10)
        )

    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    assert response.json()["request_id"]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("mapping", "column"),
    [
        ({"Email": "email_address"}, "Email"),
        ({"Mail": "emails"}, "Mail"),
        ({"Plan": "custom.x"}, "Plan"),
    ],
    ids=["unknown field", "unknown column", "unknown custom field"],
)
async def test_a_bad_mapping_answers_422_naming_the_column(api, owner, tmp_path, mapping, column):
    response = await api.post("/v1/crm/imports", headers=owner.headers, **upload(HEADER, mapping))

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == f"body.mapping.{column}"
    assert list(tmp_path.iterdir()) == []


async def test_a_mapping_that_is_not_a_json_object_answers_422(api, owner):
    response = await api.post(
        "/v1/crm/imports",
        headers=owner.headers,
        files={"file": ("contacts.csv", HEADER.encode(), "text/csv")},
        data={"mapping": "[1, 2]"},
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.mapping"


async def test_a_body_without_a_file_answers_422(api, owner):
    response = await api.post(
        "/v1/crm/imports", headers=owner.headers, files={"mapping": (None, json.dumps(MAPPING))}
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.file"


async def test_another_accounts_import_answers_404(api, owner):
    job = await run(api, owner, HEADER + ADA)
    stranger = await create_signed_in()

    response = await api.get(f"/v1/crm/imports/{job['id']}", headers=stranger.headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_importing_needs_the_contacts_write_scope(api, owner):
    reader = await create_signed_in(owner.account, role=Role.MEMBER)
    await reader.membership.set({"scopes": ["contacts:read"]})

    response = await api.post("/v1/crm/imports", headers=reader.headers, **upload(HEADER + ADA))

    assert response.status_code == 403


@pytest.mark.timeout(30)  # reading it took hours when each line re-counted the record's quotes
async def test_a_file_with_a_quote_never_closed_fails_naming_the_line_and_imports_nothing(
    api, owner
):
    text = HEADER + ADA + 'Alan,"Turing' + "\n" * 300_000

    response = await api.post("/v1/crm/imports", headers=owner.headers, **upload(text))
    meanwhile = await api.get("/v1/crm/contacts", headers=owner.headers)
    job = await finished(api, f"/v1/crm/imports/{response.json()['id']}", owner.headers)

    assert (response.status_code, meanwhile.status_code) == (202, 200)
    assert job["status"] == "failed"
    assert job["failure"].startswith("Line 3:")
    assert [contact.first_name for contact in await contacts_of(owner.account)] == []


async def test_a_latin1_file_is_imported_with_its_accents(api, owner):
    text = "First,Last\nJosé,Núñez\n".encode("latin-1")
    files = {"file": ("contacts.csv", text, "text/csv")}
    mapping = {"First": "first_name", "Last": "last_name"}

    response = await api.post(
        "/v1/crm/imports", headers=owner.headers, files=files, data={"mapping": json.dumps(mapping)}
    )
    await finished(api, f"/v1/crm/imports/{response.json()['id']}", owner.headers)

    [jose] = await contacts_of(owner.account)
    assert (jose.first_name, jose.last_name) == ("José", "Núñez")


async def test_a_file_that_is_not_text_answers_422_naming_the_line_and_stores_nothing(
    api, owner, tmp_path
):
    files = {"file": ("contacts.csv", b"First\nAda\n\xff\xfe\x00\x00\x81\x00\x9d\n", "text/csv")}
    mapping = json.dumps({"First": "first_name"})

    response = await api.post(
        "/v1/crm/imports", headers=owner.headers, files=files, data={"mapping": mapping}
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "unreadable_csv"
    assert response.json()["error"]["details"][0] == {
        "field": "body.file",
        "line": 3,
        "message": "the file is not UTF-8 text; save it as CSV UTF-8 and send it again",
    }
    assert list(tmp_path.iterdir()) == []


async def test_in_update_mode_a_row_matching_a_contacts_email_or_phone_updates_it(api, owner):
    await run(api, owner, HEADER + ADA)
    by_email = "Ada,King,ada@example.com,,silver,,\n"
    by_phone = "Augusta,King,,+1 415 555 0100,,,\n"
    text = HEADER + by_email + by_phone + ALAN
    files = upload(text)
    files["data"]["update_existing"] = "true"

    response = await api.post("/v1/crm/imports", headers=owner.headers, **files)
    job = await finished(api, f"/v1/crm/imports/{response.json()['id']}", owner.headers)

    ada, alan = await contacts_of(owner.account)
    assert (job["status"], job["rows_imported"], job["errors"]) == ("done", 3, [])
    assert job["update_existing"] is True
    assert (ada.first_name, ada.last_name, ada.emails) == ("Augusta", "King", ["ada@example.com"])
    assert {value.field: value.value for value in ada.custom_values}["plan"] == "silver"
    assert alan.first_name == "Alan"


async def test_each_contact_an_import_makes_is_an_import_lead_of_the_job(api, owner):
    job = await run(api, owner, HEADER + ADA + ALAN)

    ada, alan = await contacts_of(owner.account)
    leads = await Lead.find({"account_id": owner.account.id}).to_list()
    made = (LeadSource.IMPORT, job["id"], True)
    assert {
        lead.contact_id: (lead.source, lead.source_ref, lead.new_contact) for lead in leads
    } == {
        ada.id: made,
        alan.id: made,
    }


async def test_a_contact_an_import_only_updates_is_no_new_lead(api, owner):
    first = await run(api, owner, HEADER + ADA)
    files = upload(HEADER + "Ada,King,ada@example.com,,silver,,\n")
    files["data"]["update_existing"] = "true"

    response = await api.post("/v1/crm/imports", headers=owner.headers, **files)
    await finished(api, f"/v1/crm/imports/{response.json()['id']}", owner.headers)

    leads = await Lead.find({"account_id": owner.account.id}).to_list()
    assert [lead.source_ref for lead in leads] == [first["id"]]


async def test_the_errors_listed_are_capped_and_say_so_with_their_count(api, owner, monkeypatch):
    monkeypatch.setattr(importing, "MAX_STORED_ERRORS", 2)
    bad = "".join(f"Grace{number},Hopper,not-an-email,,,,\n" for number in range(3))

    job = await run(api, owner, HEADER + bad + ADA)

    assert (job["rows_failed"], job["error_count"], len(job["errors"])) == (3, 3, 2)
    assert job["errors_truncated"] is True
    assert [contact.first_name for contact in await contacts_of(owner.account)] == ["Ada"]


async def test_an_agency_owner_acting_in_a_sub_account_imports_rows_they_own(api):
    agency_owner = await create_signed_in()
    client = await create_sub_account(agency_owner.account)
    acting = replace(agency_owner, account=client)

    job = await run(api, acting, "First,Email\nAda,ada@example.com\n", MAPPING_OF_TWO)

    [ada] = await contacts_of(client)
    assert (job["status"], job["rows_imported"], job["errors"]) == ("done", 1, [])
    assert ada.owner_id == agency_owner.user.id


async def test_another_members_import_answers_404_and_nothing_of_it_changes(api, owner):
    member = await create_signed_in(owner.account, role=Role.MEMBER)
    job = await run(api, member, HEADER + ADA)
    other = await create_signed_in(owner.account, role=Role.MEMBER)

    hidden = await api.get(f"/v1/crm/imports/{job['id']}", headers=other.headers)
    seen_by_owner = await api.get(f"/v1/crm/imports/{job['id']}", headers=owner.headers)

    assert (hidden.status_code, hidden.json()["error"]["code"]) == (404, "not_found")
    assert seen_by_owner.json() == job


async def test_a_member_lists_only_their_own_imports_and_the_owner_every_one(api, owner):
    member = await create_signed_in(owner.account, role=Role.MEMBER)
    theirs = await run(api, member, HEADER + ADA)
    owners = await run(api, owner, HEADER + ALAN)

    listed_by_member = await api.get("/v1/crm/imports", headers=member.headers)
    listed_by_owner = await api.get("/v1/crm/imports", headers=owner.headers)

    assert [job["id"] for job in listed_by_member.json()["data"]] == [theirs["id"]]
    assert listed_by_member.json()["pagination"]["total"] == 1
    assert [job["id"] for job in listed_by_owner.json()["data"]] == [owners["id"], theirs["id"]]


async def test_an_import_that_has_ended_cannot_be_cancelled(api, owner):
    job = await run(api, owner, HEADER + ADA)

    response = await api.post(f"/v1/crm/imports/{job['id']}/cancel", headers=owner.headers)

    assert (response.status_code, response.json()["error"]["code"]) == (409, "import_ended")
    read = await api.get(f"/v1/crm/imports/{job['id']}", headers=owner.headers)
    assert read.json()["status"] == "done"


async def test_another_member_cannot_cancel_an_import(api, owner):
    member = await create_signed_in(owner.account, role=Role.MEMBER)
    other = await create_signed_in(owner.account, role=Role.MEMBER)
    job = await run(api, member, HEADER + ADA)

    response = await api.post(f"/v1/crm/imports/{job['id']}/cancel", headers=other.headers)

    assert (response.status_code, response.json()["error"]["code"]) == (404, "not_found")
    read = await api.get(f"/v1/crm/imports/{job['id']}", headers=member.headers)
    assert read.json()["status"] == "done"
