"""/v1/projects/{id}/boards: columns added, reordered and removed; a column or board holding
tasks stays."""

import pytest

from shared.models.project_board import ProjectBoard
from tests.factories import create_signed_in
from tests.internal_api.projects.conftest import PROJECTS
from tests.project_factories import create_project, create_task


@pytest.fixture
async def owner(mongo):
    return await create_signed_in()


def board_path(board) -> str:
    return f"{PROJECTS}/{board.project_id}/boards/{board.id}"


async def test_the_columns_are_reordered(api, owner):
    _, board = await create_project(owner.account)
    todo, doing, done = (str(column.id) for column in board.columns)

    response = await api.put(
        f"{board_path(board)}/columns/order",
        json={"column_ids": [doing, todo, done]},
        headers=owner.headers,
    )

    assert response.status_code == 200, response.text
    stored = await ProjectBoard.get(board.id)
    assert [str(column.id) for column in stored.columns] == [doing, todo, done]


async def test_an_order_missing_a_column_is_refused_and_the_order_kept(api, owner):
    _, board = await create_project(owner.account)
    todo, doing, _ = (str(column.id) for column in board.columns)

    response = await api.put(
        f"{board_path(board)}/columns/order",
        json={"column_ids": [doing, todo]},
        headers=owner.headers,
    )

    assert (response.status_code, response.json()["error"]["code"]) == (422, "columns_mismatch")
    assert (await ProjectBoard.get(board.id)).columns == board.columns


async def test_a_column_is_added_where_asked(api, owner):
    _, board = await create_project(owner.account)

    response = await api.post(
        f"{board_path(board)}/columns",
        json={"name": "Review", "position": 2},
        headers=owner.headers,
    )

    assert response.status_code == 201
    names = [column["name"] for column in response.json()["columns"]]
    assert names == ["To do", "In progress", "Review", "Done"]


async def test_a_column_holding_tasks_is_not_removed(api, owner):
    _, board = await create_project(owner.account)
    await create_task(board)

    response = await api.delete(
        f"{board_path(board)}/columns/{board.columns[0].id}", headers=owner.headers
    )

    assert (response.status_code, response.json()["error"]["code"]) == (409, "column_not_empty")
    assert len((await ProjectBoard.get(board.id)).columns) == 3


async def test_another_projects_board_answers_404(api, owner):
    project, _ = await create_project(owner.account)
    _, other_board = await create_project(owner.account)

    response = await api.get(
        f"{PROJECTS}/{project.id}/boards/{other_board.id}", headers=owner.headers
    )

    assert response.status_code == 404
