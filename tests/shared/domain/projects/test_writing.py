"""The task write path: a task checked before it is stored (its board and column, parent,
assignees, links, files), placed in its column, and told live, to the account's webhooks and
to the users assigned; moves between columns, done columns completing; made once per origin."""

from datetime import UTC, datetime

import pytest

from shared.domain.accounts.users import NotAccountUsers
from shared.domain.projects.errors import (
    ForeignAttachment,
    ProjectArchived,
    SubTaskDepth,
    UnknownContact,
)
from shared.domain.projects.writing import change_task, move_task, open_task, set_completed
from shared.models.base import utc_now
from shared.models.project_task import ProjectTask, TaskAttachment
from tests.factories import create_account, create_contact, create_signed_in
from tests.project_factories import create_project, create_task, storage_key
from tests.shared.domain.held import emitted, events, platform_messages


@pytest.fixture
async def owner(mongo):
    return await create_signed_in()


@pytest.fixture
async def board(owner):
    _, board = await create_project(owner.account)
    return board


def draft(board, column: int = 0, **fields) -> ProjectTask:
    return ProjectTask(
        account_id=board.account_id,
        project_id=board.project_id,
        board_id=board.id,
        column_id=board.columns[column].id,
        position=0,
        **{"title": "Call the client", **fields},
    )


async def stored_tasks(board) -> list[ProjectTask]:
    return await ProjectTask.find({"board_id": board.id}).sort("+position").to_list()


async def test_a_task_goes_last_in_its_column_and_is_told_live_and_to_webhooks(
    board, owner, outbox
):
    await create_task(board)

    task, created = await open_task(draft(board), owner.user.id)

    assert (created, task.position, task.created_by) == (True, 1, owner.user.id)
    assert emitted(outbox) == [
        (
            "task:created",
            {
                "id": str(task.id),
                "action": "created",
                "fields": [],
                "project_id": str(board.project_id),
            },
        )
    ]
    [event] = events(outbox)
    assert event["type"] == "task.created"
    assert event["data"]["task"]["title"] == "Call the client"


async def test_a_task_put_at_a_position_makes_room_there(board, owner, outbox):
    first, second = await create_task(board), await create_task(board)

    task, _ = await open_task(draft(board), owner.user.id, wanted=1)

    assert [stored.id for stored in await stored_tasks(board)] == [first.id, task.id, second.id]


async def test_the_users_assigned_are_told_but_not_the_one_who_assigned_them(board, owner, outbox):
    colleague = await create_signed_in(owner.account)

    await open_task(draft(board, assignee_ids=[owner.user.id, colleague.user.id]), owner.user.id)

    assert platform_messages(outbox) == [
        ("task_assigned", "email", str(colleague.user.id)),
        ("task_assigned", "push", str(colleague.user.id)),
    ]


async def test_an_assignee_who_is_no_user_of_the_account_is_refused_and_nothing_stored(
    board, owner, outbox
):
    stranger = await create_signed_in()

    with pytest.raises(NotAccountUsers):
        await open_task(draft(board, assignee_ids=[stranger.user.id]), owner.user.id)

    assert await stored_tasks(board) == []
    assert outbox.jobs == [] and outbox.emits == []


async def test_a_contact_of_another_account_is_refused(board, owner, outbox):
    elsewhere = await create_contact(await create_account())

    with pytest.raises(UnknownContact) as refused:
        await open_task(draft(board, contact_id=elsewhere.id), owner.user.id)

    assert refused.value.code == "unknown_contact"
    assert await stored_tasks(board) == []


async def test_a_file_of_another_accounts_storage_is_refused(board, owner, outbox):
    other = await create_account()
    attachment = TaskAttachment(key=storage_key(other), filename="x.pdf", content_type="", size=1)

    with pytest.raises(ForeignAttachment) as refused:
        await open_task(draft(board, attachments=[attachment]), owner.user.id)

    assert refused.value.details == [
        {"field": "attachments.0.key", "message": "not this account's"}
    ]


async def test_the_description_is_stored_sanitised(board, owner, outbox):
    html = '<p onclick="steal()">Hi <script>alert(1)</script><a href="javascript:x">me</a></p>'

    task, _ = await open_task(draft(board, description=html), owner.user.id)

    stored = await ProjectTask.get(task.id)
    assert stored.description == '<p>Hi <a rel="noopener noreferrer nofollow">me</a></p>'


async def test_a_sub_task_of_a_sub_task_is_refused(board, owner, outbox):
    parent = await create_task(board)
    child = await create_task(board, parent_id=parent.id)

    with pytest.raises(SubTaskDepth):
        await open_task(draft(board, parent_id=child.id), owner.user.id)


async def test_a_moment_without_an_offset_is_read_in_the_tasks_zone_and_stored_in_utc(
    board, owner, outbox
):
    local_nine = datetime(2026, 7, 1, 9, 0)

    task, _ = await open_task(
        draft(board, due_at=local_nine, time_zone="Europe/Paris"), owner.user.id
    )

    stored = await ProjectTask.get(task.id)
    assert stored.due_at == datetime(2026, 7, 1, 7, 0, tzinfo=UTC)
    assert stored.time_zone == "Europe/Paris"


async def test_a_task_of_one_origin_is_made_once(board, outbox):
    first, created = await open_task(draft(board, origin_key="automation:run:0"), None)

    again, created_again = await open_task(draft(board, origin_key="automation:run:0"), None)

    assert (created, created_again, again.id) == (True, False, first.id)
    assert len(await stored_tasks(board)) == 1


async def test_a_change_tells_the_fields_changed_and_only_the_users_newly_assigned(
    board, owner, outbox
):
    colleague, newcomer = (
        await create_signed_in(owner.account),
        await create_signed_in(owner.account),
    )
    task = await create_task(board, assignee_ids=[colleague.user.id])

    await change_task(
        task,
        {"title": "Call back", "assignee_ids": [colleague.user.id, newcomer.user.id]},
        owner.user.id,
    )

    assert (await ProjectTask.get(task.id)).title == "Call back"
    [event] = events(outbox)
    assert (event["type"], event["data"]["fields"]) == ("task.updated", ["assignee_ids", "title"])
    assert {user for _, _, user in platform_messages(outbox)} == {str(newcomer.user.id)}


async def test_a_change_that_changes_nothing_tells_nothing(board, owner, outbox):
    task = await create_task(board)

    await change_task(task, {"title": task.title}, owner.user.id)

    assert outbox.jobs == [] and outbox.emits == []


async def test_moving_a_task_closes_its_old_columns_gap(board, owner, outbox):
    first, moving, last = [await create_task(board) for _ in range(3)]

    await move_task(moving, board, board.columns[1].id, None)

    assert [
        (task.id, task.position)
        for task in await stored_tasks(board)
        if task.column_id == board.columns[0].id
    ] == [
        (first.id, 0),
        (last.id, 1),
    ]
    assert (await ProjectTask.get(moving.id)).column_id == board.columns[1].id
    assert emitted(outbox)[0][1]["to"] == {
        "board_id": str(board.id),
        "column_id": str(board.columns[1].id),
        "position": 0,
    }


async def test_moving_into_a_done_column_completes_the_task_and_out_of_it_reopens_it(board, outbox):
    task = await create_task(board)

    await move_task(task, board, board.columns[2].id, None)
    completed_at = (await ProjectTask.get(task.id)).completed_at
    await move_task(task, board, board.columns[0].id, None)

    assert completed_at is not None
    assert (await ProjectTask.get(task.id)).completed_at is None
    assert [event["type"] for event in events(outbox)] == [
        "task.updated",
        "task.completed",
        "task.updated",
        "task.updated",
    ]


async def test_completing_a_task_twice_completes_it_once(board, outbox):
    task = await create_task(board)

    await set_completed(task, True)
    await set_completed(task, True)

    assert [event["type"] for event in events(outbox)] == ["task.completed"]


async def test_an_archived_projects_tasks_take_no_change(owner, outbox):
    _, board = await create_project(owner.account, archived_at=utc_now())
    task = await create_task(board)

    with pytest.raises(ProjectArchived):
        await change_task(task, {"title": "Later"}, owner.user.id)
    with pytest.raises(ProjectArchived):
        await open_task(draft(board), owner.user.id)

    assert (await ProjectTask.get(task.id)).title == "Write the home page"
