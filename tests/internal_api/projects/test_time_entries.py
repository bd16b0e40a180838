"""Time entries: logged for the caller or another user of the account, summed on the task,
deleted by who logged them."""

import pytest

from shared.models.project_task import ProjectTask
from tests.factories import create_signed_in
from tests.project_factories import create_project, create_task


@pytest.fixture
async def owner(mongo):
    return await create_signed_in()


@pytest.fixture
async def task(owner):
    _, board = await create_project(owner.account)
    return await create_task(board)


def time_of(task) -> str:
    return f"/v1/projects/{task.project_id}/tasks/{task.id}/time-entries"


async def test_time_logged_adds_up_on_the_task_and_a_deletion_takes_it_off(api, owner, task):
    colleague = await create_signed_in(owner.account)
    entry = {"minutes": 90, "date": "2026-06-01", "note": "Keyword research"}
    first = await api.post(time_of(task), json=entry, headers=owner.headers)
    await api.post(
        time_of(task),
        json={"minutes": 30, "date": "2026-06-02", "user_id": str(colleague.user.id)},
        headers=owner.headers,
    )
    logged = (await ProjectTask.get(task.id)).logged_minutes

    deleted = await api.delete(f"{time_of(task)}/{first.json()['id']}", headers=owner.headers)

    assert first.status_code == 201, first.text
    assert (logged, deleted.status_code) == (120, 204)
    assert (await ProjectTask.get(task.id)).logged_minutes == 30
    listed = await api.get(time_of(task), headers=owner.headers)
    assert [(e["minutes"], e["user_id"]) for e in listed.json()["data"]] == [
        (30, str(colleague.user.id))
    ]


async def test_time_for_someone_outside_the_account_is_refused(api, owner, task):
    stranger = await create_signed_in()
    entry = {"minutes": 10, "date": "2026-06-01", "user_id": str(stranger.user.id)}

    response = await api.post(time_of(task), json=entry, headers=owner.headers)

    assert (response.status_code, response.json()["error"]["code"]) == (404, "not_account_users")
    assert (await ProjectTask.get(task.id)).logged_minutes == 0
