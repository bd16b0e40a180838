"""/v1/projects: projects opened with a first board, listed a page at a time, archived; read by
every user of the account, written by its members; another account's answer 404."""

import pytest

from shared.models.membership import Role
from shared.models.project_board import ProjectBoard
from tests.factories import create_signed_in, create_sub_account
from tests.internal_api.projects.conftest import PROJECTS, tasks_of
from tests.project_factories import create_project, create_task


@pytest.fixture
async def owner(mongo):
    return await create_signed_in()


async def test_a_project_opens_with_a_first_board_of_the_default_columns(api, owner):
    response = await api.post(PROJECTS, json={"name": "Acme SEO"}, headers=owner.headers)

    assert response.status_code == 201, response.text
    project = response.json()
    boards = await api.get(f"{PROJECTS}/{project['id']}/boards", headers=owner.headers)
    [board] = boards.json()["data"]
    assert [(column["name"], column["done"]) for column in board["columns"]] == [
        ("To do", False),
        ("In progress", False),
        ("Done", True),
    ]


async def test_the_list_is_a_page_of_the_accounts_live_projects(api, owner):
    for name in ("A", "B", "C"):
        await create_project(owner.account, name=name)
    await create_project((await create_signed_in()).account, name="Theirs")

    response = await api.get(f"{PROJECTS}?limit=2&sort=name", headers=owner.headers)

    body = response.json()
    assert [project["name"] for project in body["data"]] == ["A", "B"]
    assert body["pagination"] == {"page": 1, "limit": 2, "total": 3, "next_page": 2}


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "", None),
        ("PATCH", "", {"name": "Mine now"}),
        ("DELETE", "", None),
        ("GET", "/boards", None),
        ("POST", "/boards", {"name": "B", "columns": [{"name": "To do"}]}),
        ("GET", "/tasks", None),
        ("POST", "/tasks", {"title": "Mine now"}),
    ],
)
async def test_another_accounts_project_answers_404_like_a_missing_one(
    api, owner, method, path, body
):
    theirs, _ = await create_project((await create_signed_in()).account)

    response = await api.request(
        method, f"{PROJECTS}/{theirs.id}{path}", json=body, headers=owner.headers
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert await ProjectBoard.find({"project_id": theirs.id}).count() == 1


async def test_a_clients_user_reads_the_clients_projects_but_does_not_write_them(api, owner):
    client_account = await create_sub_account(owner.account)
    client = await create_signed_in(client_account, role=Role.CLIENT)
    project, _ = await create_project(client_account, name="Acme SEO")

    listed = await api.get(PROJECTS, headers=client.headers)
    refused = await api.post(tasks_of(project), json={"title": "Hi"}, headers=client.headers)

    assert [found["name"] for found in listed.json()["data"]] == ["Acme SEO"]
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "forbidden"


async def test_an_archived_project_takes_no_new_task(api, owner):
    project, board = await create_project(owner.account)
    task = await create_task(board)

    archived = await api.delete(f"{PROJECTS}/{project.id}", headers=owner.headers)
    refused = await api.post(tasks_of(project), json={"title": "Later"}, headers=owner.headers)
    changed = await api.patch(
        f"{tasks_of(project)}/{task.id}", json={"title": "Later"}, headers=owner.headers
    )

    assert archived.status_code == 204
    assert (refused.status_code, refused.json()["error"]["code"]) == (409, "project_archived")
    assert changed.status_code == 409
    listed = await api.get(f"{PROJECTS}?archived=true", headers=owner.headers)
    assert [found["id"] for found in listed.json()["data"]] == [str(project.id)]
