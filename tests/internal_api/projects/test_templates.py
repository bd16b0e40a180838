"""Project templates: built (each task in one of its columns), and instantiated in the account
or, by an agency admin, in one of its client sub-accounts, where the client's users see it."""

import pytest

from shared.models.membership import Role
from shared.models.project import Project
from shared.models.project_task import ProjectTask
from tests.factories import create_account, create_signed_in, create_sub_account
from tests.internal_api.projects.conftest import PROJECTS

TEMPLATES = f"{PROJECTS}/templates"
SEO_ONBOARDING = {
    "name": "SEO onboarding",
    "columns": [{"name": "To do"}, {"name": "Done", "done": True}],
    "tasks": [
        {"title": "Kick-off call", "due_in_days": 0, "priority": "high"},
        {"title": "Technical audit", "due_in_days": 7, "checklist": ["Crawl", "Speed"]},
        {"title": "Read the brief", "column": 1},
    ],
}


@pytest.fixture
async def agency_admin(mongo):
    return await create_signed_in()


async def build(api, signed_in, body=SEO_ONBOARDING) -> dict:
    response = await api.post(TEMPLATES, json=body, headers=signed_in.headers)
    assert response.status_code == 201, response.text
    return response.json()


async def test_a_template_is_instantiated_for_a_client_who_sees_it(api, agency_admin):
    client_account = await create_sub_account(agency_admin.account)
    client = await create_signed_in(client_account, role=Role.CLIENT)
    template = await build(api, agency_admin)
    body = {
        "account_id": str(client_account.id),
        "name": "Acme SEO",
        "starts_on": "2026-03-02",
        "time_zone": "Europe/Paris",
        "due_time": "09:00",
    }

    response = await api.post(
        f"{TEMPLATES}/{template['id']}/instantiate", json=body, headers=agency_admin.headers
    )

    assert response.status_code == 201, response.text
    project = await Project.get(response.json()["id"])
    assert project.account_id == client_account.id
    tasks = await ProjectTask.find({"project_id": project.id}).sort("+title").to_list()
    due = {task.title: task.due_at and task.due_at.isoformat() for task in tasks}
    assert due == {
        "Kick-off call": "2026-03-02T08:00:00+00:00",  # 09:00 CET
        "Read the brief": None,
        "Technical audit": "2026-03-09T08:00:00+00:00",
    }
    assert [item.text for item in tasks[2].checklist] == ["Crawl", "Speed"]
    seen = await api.get(PROJECTS, headers=client.headers)
    assert [found["name"] for found in seen.json()["data"]] == ["Acme SEO"]
    agency_list = await api.get(PROJECTS, headers=agency_admin.headers)
    assert agency_list.json()["data"] == []


async def test_another_agencys_sub_account_answers_404(api, agency_admin):
    stranger_client = await create_sub_account(await create_account())
    template = await build(api, agency_admin)

    response = await api.post(
        f"{TEMPLATES}/{template['id']}/instantiate",
        json={"account_id": str(stranger_client.id)},
        headers=agency_admin.headers,
    )

    assert response.status_code == 404
    assert await Project.find({"account_id": stranger_client.id}).count() == 0


async def test_a_member_does_not_instantiate_into_a_sub_account(api, agency_admin):
    member = await create_signed_in(agency_admin.account, role=Role.MEMBER)
    client_account = await create_sub_account(agency_admin.account)
    template = await build(api, agency_admin)

    response = await api.post(
        f"{TEMPLATES}/{template['id']}/instantiate",
        json={"account_id": str(client_account.id)},
        headers=member.headers,
    )

    assert response.status_code == 403
    assert await Project.find({"account_id": client_account.id}).count() == 0


async def test_a_task_in_no_column_of_the_template_is_refused_naming_it(api, agency_admin):
    body = {**SEO_ONBOARDING, "tasks": [{"title": "Lost", "column": 5}]}

    response = await api.post(TEMPLATES, json=body, headers=agency_admin.headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.tasks.0.column"


async def test_another_accounts_template_answers_404(api, agency_admin):
    theirs = await build(api, await create_signed_in())

    response = await api.post(
        f"{TEMPLATES}/{theirs['id']}/instantiate", json={}, headers=agency_admin.headers
    )

    assert response.status_code == 404
