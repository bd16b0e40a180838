"""/v1/projects/{id}/tasks: tasks added, read back, listed by column, moved, completed, with
their attachments; another account's task answers 404 whichever project it is asked under."""

import pytest

from shared.models.project_board import ProjectBoard
from shared.models.project_task import ProjectTask
from tests.factories import create_contact, create_signed_in
from tests.internal_api.projects.conftest import tasks_of
from tests.project_factories import create_project, create_task, storage_key


@pytest.fixture
async def owner(mongo):
    return await create_signed_in()


@pytest.fixture
async def project(owner):
    project, _ = await create_project(owner.account)
    return project


@pytest.fixture
async def board(project):
    return await ProjectBoard.find_one({"project_id": project.id})


async def test_a_task_is_added_in_the_first_column_and_read_back(api, owner, project, board):
    contact = await create_contact(owner.account)
    body = {
        "title": "Audit the site",
        "description": "<p>Check <b>speed</b><script>x()</script></p>",
        "assignee_ids": [str(owner.user.id)],
        "due_at": "2026-11-02T09:00:00",
        "time_zone": "America/New_York",
        "priority": "high",
        "labels": ["seo", "seo", "audit"],
        "checklist": [{"text": "Lighthouse"}],
        "contact_id": str(contact.id),
        "recurrence": {"frequency": "weekly"},
    }

    created = await api.post(tasks_of(project), json=body, headers=owner.headers)

    assert created.status_code == 201, created.text
    read = await api.get(f"{tasks_of(project)}/{created.json()['id']}", headers=owner.headers)
    task = read.json()
    assert (task["column_id"], task["position"]) == (str(board.columns[0].id), 0)
    assert task["description"] == "<p>Check <b>speed</b></p>"
    assert (task["due_at"], task["time_zone"]) == ("2026-11-02T14:00:00Z", "America/New_York")
    assert (task["labels"], task["checklist"][0]["done"]) == (["seo", "audit"], False)
    assert task["recurrence"]["frequency"] == "weekly"


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
async def test_another_accounts_task_answers_404_under_either_project(api, owner, project, method):
    other = await create_signed_in()
    their_project, their_board = await create_project(other.account)
    theirs = await create_task(their_board)
    body = {"title": "Mine now"} if method == "PATCH" else None

    for under in (project, their_project):
        response = await api.request(
            method, f"{tasks_of(under)}/{theirs.id}", json=body, headers=owner.headers
        )
        assert response.status_code == 404

    assert (await ProjectTask.get(theirs.id)).title == "Write the home page"


async def test_a_column_lists_its_tasks_in_board_order(api, owner, project, board):
    first = await create_task(board)
    await create_task(board, column=1)
    second = await create_task(board)

    response = await api.get(
        f"{tasks_of(project)}?column_id={board.columns[0].id}&sort=position", headers=owner.headers
    )

    assert [task["id"] for task in response.json()["data"]] == [str(first.id), str(second.id)]


async def test_a_task_moved_into_the_done_column_is_completed(api, owner, project, board):
    task = await create_task(board)

    response = await api.post(
        f"{tasks_of(project)}/{task.id}/move",
        json={"column_id": str(board.columns[2].id)},
        headers=owner.headers,
    )

    assert response.status_code == 200, response.text
    assert response.json()["completed_at"] is not None
    assert (await ProjectTask.get(task.id)).column_id == board.columns[2].id


async def test_a_task_is_completed_and_reopened(api, owner, project, board):
    task = await create_task(board)

    completed = await api.post(f"{tasks_of(project)}/{task.id}/complete", headers=owner.headers)
    reopened = await api.post(f"{tasks_of(project)}/{task.id}/reopen", headers=owner.headers)

    assert completed.json()["completed_at"] is not None
    assert reopened.json()["completed_at"] is None


async def test_a_stored_file_of_the_account_is_attached_and_removed(api, owner, project, board):
    task = await create_task(board)
    file = {"key": storage_key(owner.account), "filename": "brief.pdf", "size": 1200}

    attached = await api.post(
        f"{tasks_of(project)}/{task.id}/attachments", json=file, headers=owner.headers
    )
    [attachment] = attached.json()["attachments"]
    removed = await api.delete(
        f"{tasks_of(project)}/{task.id}/attachments/{attachment['id']}", headers=owner.headers
    )

    assert attached.status_code == 201
    assert (attachment["key"], attachment["added_by"]) == (file["key"], str(owner.user.id))
    assert removed.json()["attachments"] == []


async def test_another_accounts_file_is_not_attached(api, owner, project, board):
    task = await create_task(board)
    other = await create_signed_in()
    file = {"key": storage_key(other.account), "filename": "theirs.pdf", "size": 1}

    response = await api.post(
        f"{tasks_of(project)}/{task.id}/attachments", json=file, headers=owner.headers
    )

    assert (response.status_code, response.json()["error"]["code"]) == (
        422,
        "attachment_not_in_account",
    )
    assert (await ProjectTask.get(task.id)).attachments == []


async def test_a_recurring_task_without_a_due_date_is_refused(api, owner, project):
    body = {"title": "Weekly report", "recurrence": {"frequency": "weekly"}}

    response = await api.post(tasks_of(project), json=body, headers=owner.headers)

    assert (response.status_code, response.json()["error"]["code"]) == (
        422,
        "recurrence_needs_due_date",
    )
    assert await ProjectTask.find({"project_id": project.id}).count() == 0


async def test_a_task_is_added_where_asked(api, owner, project, board):
    first = await create_task(board, column=1)
    body = {"title": "First", "column_id": str(board.columns[1].id), "position": 0}

    response = await api.post(tasks_of(project), json=body, headers=owner.headers)

    assert response.status_code == 201, response.text
    assert (response.json()["column_id"], response.json()["position"]) == (
        str(board.columns[1].id),
        0,
    )
    assert (await ProjectTask.get(first.id)).position == 1


async def test_a_sub_task_lists_under_its_parent(api, owner, project, board):
    parent = await create_task(board)
    body = {"title": "Meta descriptions", "parent_id": str(parent.id)}
    await api.post(tasks_of(project), json=body, headers=owner.headers)

    response = await api.get(f"{tasks_of(project)}?parent_id={parent.id}", headers=owner.headers)

    assert [task["title"] for task in response.json()["data"]] == ["Meta descriptions"]
