"""POST /v1/crm/exports, GET /v1/crm/exports/{id} and its download: CSV files of contacts."""

import csv
import io
from datetime import datetime, timedelta

import pytest

from shared.domain.csv_jobs.exporting import delete_expired_exports
from shared.models.custom_field import CustomFieldType
from shared.models.membership import Role
from shared.utilities.storage import LocalStorage
from tests.factories import create_signed_in
from tests.internal_api.crm.csv_jobs import create_custom_field, finished

PEOPLE = [
    {
        "first_name": "Ada",
        "emails": ["ada@example.com"],
        "tags": ["vip"],
        "custom": {"plan": "gold"},
    },
    {"first_name": "Alan", "emails": ["alan@example.com"], "tags": ["lead"]},
    {"first_name": "Grace", "emails": ["grace@example.com"], "tags": ["vip", "lead"]},
]
VIP = {"conditions": [{"field": "tags", "operator": "in", "value": ["vip"]}]}
COLUMNS = ["first_name", "emails", "tags", "custom.plan"]


@pytest.fixture
async def owner(api):
    signed_in = await create_signed_in()
    await create_custom_field(
        signed_in.account, "plan", CustomFieldType.SELECT, options=["gold", "silver"]
    )
    for person in PEOPLE:
        response = await api.post("/v1/crm/contacts", json=person, headers=signed_in.headers)
        assert response.status_code == 201, response.text
    return signed_in


async def export(api, owner, filters=VIP, columns=COLUMNS) -> dict:
    body = {"filters": filters, "columns": columns}
    response = await api.post("/v1/crm/exports", json=body, headers=owner.headers)
    assert response.status_code == 202, response.text
    return await finished(api, f"/v1/crm/exports/{response.json()['id']}", owner.headers)


def rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.text)))


async def test_an_export_holds_the_contacts_matching_its_filter_in_its_columns(api, owner):
    job = await export(api, owner)

    response = await api.get(f"/v1/crm/exports/{job['id']}/download", headers=owner.headers)

    assert (job["status"], job["rows_done"]) == ("done", 2)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert rows(response) == [
        COLUMNS,
        ["Ada", "ada@example.com", "vip", "gold"],
        ["Grace", "grace@example.com", "vip, lead", ""],
    ]


async def test_a_value_a_spreadsheet_would_run_as_a_formula_is_exported_inert(api, owner):
    formula = {
        "first_name": '=HYPERLINK("http://evil.example","open")',
        "phones": ["+33 1 42 68 53 00"],
    }
    await api.post("/v1/crm/contacts", json=formula, headers=owner.headers)
    job = await export(api, owner, filters={"q": "hyperlink"}, columns=["first_name", "phones"])

    response = await api.get(f"/v1/crm/exports/{job['id']}/download", headers=owner.headers)

    assert rows(response)[1] == ["'" + formula["first_name"], "+33142685300"]


async def test_a_search_word_filters_an_export_as_it_filters_the_list(api, owner):
    job = await export(api, owner, filters={"q": "gra"}, columns=["first_name"])

    response = await api.get(f"/v1/crm/exports/{job['id']}/download", headers=owner.headers)

    assert rows(response) == [["first_name"], ["Grace"]]


async def test_an_export_downloads_once_then_answers_410(api, owner, tmp_path):
    job = await export(api, owner)
    url = f"/v1/crm/exports/{job['id']}/download"

    first = await api.get(url, headers=owner.headers)
    second = await api.get(url, headers=owner.headers)

    assert first.status_code == 200
    assert second.status_code == 410
    assert second.json()["error"]["code"] == "gone"
    assert list(tmp_path.iterdir()) == []
    read = await api.get(f"/v1/crm/exports/{job['id']}", headers=owner.headers)
    assert read.json()["downloaded"] is True


async def test_the_cleanup_deletes_an_export_file_and_job_once_its_retention_has_passed(
    api, owner, tmp_path
):
    job = await export(api, owner, filters={}, columns=["first_name"])
    expires_at = datetime.fromisoformat(job["expires_at"])
    storage = LocalStorage(tmp_path)

    kept = await delete_expired_exports(storage, now=expires_at - timedelta(seconds=1))
    deleted = await delete_expired_exports(storage, now=expires_at)

    assert (kept, deleted) == (0, 1)
    read = await api.get(f"/v1/crm/exports/{job['id']}", headers=owner.headers)
    assert read.status_code == 404
    assert list(tmp_path.iterdir()) == []


async def test_an_unknown_column_answers_422_naming_it(api, owner):
    body = {"columns": ["first_name", "password_hash"]}

    response = await api.post("/v1/crm/exports", json=body, headers=owner.headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.columns.1"


async def test_a_bad_filter_answers_422_before_anything_is_queued(api, owner):
    filters = {"conditions": [{"field": "tags", "operator": "before", "value": "x"}]}

    response = await api.post("/v1/crm/exports", json={"filters": filters}, headers=owner.headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.filters.conditions.0"


@pytest.mark.parametrize("path", ["", "/download"])
async def test_another_accounts_export_answers_404(api, owner, path):
    job = await export(api, owner)
    stranger = await create_signed_in()

    response = await api.get(f"/v1/crm/exports/{job['id']}{path}", headers=stranger.headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_an_import_is_not_an_export(api, owner):
    job = await export(api, owner)

    response = await api.get(f"/v1/crm/imports/{job['id']}", headers=owner.headers)

    assert response.status_code == 404


@pytest.mark.parametrize("path", ["", "/download"])
async def test_another_members_export_answers_404_and_stays_its_creators(api, owner, path):
    member = await create_signed_in(owner.account, role=Role.MEMBER)
    job = await export(api, member, filters={}, columns=["first_name"])
    other = await create_signed_in(owner.account, role=Role.MEMBER)

    response = await api.get(f"/v1/crm/exports/{job['id']}{path}", headers=other.headers)

    assert (response.status_code, response.json()["error"]["code"]) == (404, "not_found")
    download = await api.get(f"/v1/crm/exports/{job['id']}/download", headers=member.headers)
    assert download.status_code == 200


async def test_a_member_lists_only_their_own_exports_and_an_admin_every_one(api, owner):
    member = await create_signed_in(owner.account, role=Role.MEMBER)
    admin = await create_signed_in(owner.account, role=Role.ADMIN)
    theirs = await export(api, member, filters={}, columns=["first_name"])
    owners = await export(api, owner, filters={}, columns=["first_name"])

    by_member = (await api.get("/v1/crm/exports", headers=member.headers)).json()["data"]
    by_admin = (await api.get("/v1/crm/exports", headers=admin.headers)).json()["data"]

    assert [job["id"] for job in by_member] == [theirs["id"]]
    assert [job["id"] for job in by_admin] == [owners["id"], theirs["id"]]


async def test_a_date_condition_filters_an_export_as_it_filters_the_list(api, owner):
    future = {"conditions": [{"field": "created_at", "operator": "after", "value": "2999-01-01"}]}
    past = {"conditions": [{"field": "created_at", "operator": "after", "value": "2000-01-01"}]}

    none = await export(api, owner, filters=future, columns=["first_name"])
    every = await export(api, owner, filters=past, columns=["first_name"])

    assert (none["rows_done"], every["rows_done"]) == (0, len(PEOPLE))


async def test_a_finished_export_cannot_be_cancelled(api, owner):
    job = await export(api, owner)

    response = await api.post(f"/v1/crm/exports/{job['id']}/cancel", headers=owner.headers)

    assert (response.status_code, response.json()["error"]["code"]) == (409, "export_ended")
    assert (await api.get(f"/v1/crm/exports/{job['id']}", headers=owner.headers)).json()[
        "status"
    ] == "done"


async def test_another_members_export_cannot_be_cancelled(api, owner):
    member = await create_signed_in(owner.account, role=Role.MEMBER)
    job = await export(api, owner, filters={}, columns=["first_name"])

    response = await api.post(f"/v1/crm/exports/{job['id']}/cancel", headers=member.headers)

    assert (response.status_code, response.json()["error"]["code"]) == (404, "not_found")
    assert (await api.get(f"/v1/crm/exports/{job['id']}", headers=owner.headers)).json()[
        "status"
    ] == "done"
