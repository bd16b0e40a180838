"""Comments on a task: written by any user of the account, clients too; `<@user_id>`
mentions users of the account, who are told; an edit tells only those mentioned anew."""

import pytest

from internal_api.projects.comments import service
from shared.models.membership import Role
from shared.models.project_comment import TaskComment
from tests.factories import create_signed_in, create_sub_account
from tests.project_factories import create_project, create_task
from tests.shared.domain.held import platform_messages, recording


@pytest.fixture
async def owner(mongo):
    return await create_signed_in()


@pytest.fixture
async def board(owner):
    _, board = await create_project(owner.account)
    return board


def comments_of(task) -> str:
    return f"/v1/projects/{task.project_id}/tasks/{task.id}/comments"


async def test_a_mention_tells_the_user_mentioned_but_not_the_author(owner, board):
    colleague = await create_signed_in(owner.account, name="Grace")
    task = await create_task(board)
    body = f"<@{colleague.user.id}> can you look? cc <@{owner.user.id}>"

    async with recording() as sent:
        comment = await service.create_comment(
            owner.state.principal(), str(task.project_id), str(task.id), body
        )

    assert comment.mentioned_user_ids == [colleague.user.id, owner.user.id]
    assert platform_messages(sent) == [
        ("task_mentioned", "email", str(colleague.user.id)),
        ("task_mentioned", "push", str(colleague.user.id)),
    ]
    [job, _] = sent.jobs[-2:]
    assert job.kwargs["data"]["preview"] == "@Grace can you look? cc @Ada"


async def test_an_edit_tells_only_the_users_mentioned_anew(owner, board):
    first, second = await create_signed_in(owner.account), await create_signed_in(owner.account)
    task = await create_task(board)
    principal, where = owner.state.principal(), (str(task.project_id), str(task.id))
    async with recording():
        comment = await service.create_comment(principal, *where, f"<@{first.user.id}>")

    async with recording() as sent:
        await service.update_comment(
            principal, *where, str(comment.id), f"<@{first.user.id}> <@{second.user.id}>"
        )

    assert {user for _, _, user in platform_messages(sent)} == {str(second.user.id)}


async def test_mentioning_someone_outside_the_account_is_refused_and_nothing_stored(
    api, owner, board
):
    stranger = await create_signed_in()
    task = await create_task(board)

    response = await api.post(
        comments_of(task), json={"body": f"hi <@{stranger.user.id}>"}, headers=owner.headers
    )

    assert (response.status_code, response.json()["error"]["code"]) == (404, "not_account_users")
    assert await TaskComment.find({"task_id": task.id}).count() == 0


async def test_a_clients_user_comments_on_the_clients_task(api, owner):
    client_account = await create_sub_account(owner.account)
    client = await create_signed_in(client_account, role=Role.CLIENT)
    _, board = await create_project(client_account)
    task = await create_task(board)

    response = await api.post(
        comments_of(task), json={"body": "Looks good!"}, headers=client.headers
    )

    assert response.status_code == 201, response.text
    listed = await api.get(comments_of(task), headers=client.headers)
    assert [comment["body"] for comment in listed.json()["data"]] == ["Looks good!"]


async def test_only_its_author_edits_a_comment(api, owner, board):
    colleague = await create_signed_in(owner.account)
    task = await create_task(board)
    created = await api.post(comments_of(task), json={"body": "Mine"}, headers=owner.headers)

    response = await api.patch(
        f"{comments_of(task)}/{created.json()['id']}",
        json={"body": "Yours"},
        headers=colleague.headers,
    )

    assert (response.status_code, response.json()["error"]["code"]) == (403, "not_comment_author")
    assert (await TaskComment.get(created.json()["id"])).body == "Mine"
