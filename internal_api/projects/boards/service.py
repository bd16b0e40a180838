"""A project's boards and their columns. A column's order is the board's list, changed in one
write; a board or a column is removed only once it holds no task."""

from internal_api.projects.boards.schemas import (
    BoardCreate,
    BoardUpdate,
    ColumnCreate,
    ColumnOrder,
    ColumnUpdate,
)
from internal_api.projects.errors import BoardNotEmpty, ColumnNotEmpty, ColumnsMismatch, LastColumn
from shared.domain.projects.checks import live_project
from shared.domain.projects.errors import ColumnNotFound
from shared.domain.projects.events import announce
from shared.domain.projects.projects import open_board
from shared.domain.projects.repository import BoardRepository, ProjectRepository, TaskRepository
from shared.models.project_board import BoardColumn, ProjectBoard
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import object_id


async def create_board(principal: Principal, project_id: str, body: BoardCreate) -> ProjectBoard:
    project = await live_project(principal.account_id, project_id)
    columns = [BoardColumn(**column.model_dump()) for column in body.columns]
    return await open_board(project, body.name, columns)


async def list_boards(
    principal: Principal, project_id: str, params: PageParams
) -> Page[ProjectBoard]:
    project = await ProjectRepository(principal.account_id).get(project_id)
    return await BoardRepository(principal.account_id).paginate(params, {"project_id": project.id})


async def get_board(principal: Principal, project_id: str, board_id: str) -> ProjectBoard:
    project = await ProjectRepository(principal.account_id).get(project_id)
    return await BoardRepository(principal.account_id).get_in(board_id, project_id=project.id)


async def writable_board(principal: Principal, project_id: str, board_id: str) -> ProjectBoard:
    await live_project(principal.account_id, project_id)
    return await get_board(principal, project_id, board_id)


async def update_board(
    principal: Principal, project_id: str, board_id: str, body: BoardUpdate
) -> ProjectBoard:
    board = await writable_board(principal, project_id, board_id)
    if board.name != body.name:
        board.name = body.name
        await saved(board, ["name"])
    return board


async def delete_board(principal: Principal, project_id: str, board_id: str) -> None:
    board = await writable_board(principal, project_id, board_id)
    tasks = TaskRepository(principal.account_id)
    if await tasks.count_on_columns([column.id for column in board.columns]):
        raise BoardNotEmpty()
    await board.delete()
    announce(board.account_id, "board", board.id, "deleted", project_id=str(board.project_id))


async def add_column(
    principal: Principal, project_id: str, board_id: str, body: ColumnCreate
) -> ProjectBoard:
    board = await writable_board(principal, project_id, board_id)
    at = len(board.columns) if body.position is None else body.position
    board.columns.insert(at, BoardColumn(name=body.name, done=body.done))
    await saved(board, ["columns"])
    return board


async def update_column(
    principal: Principal, project_id: str, board_id: str, column_id: str, body: ColumnUpdate
) -> ProjectBoard:
    board = await writable_board(principal, project_id, board_id)
    column = column_of(board, column_id)
    for name, value in body.model_dump(exclude_unset=True, exclude_none=True).items():
        setattr(column, name, value)
    await saved(board, ["columns"])
    return board


async def delete_column(principal: Principal, project_id: str, board_id: str, column_id: str):
    board = await writable_board(principal, project_id, board_id)
    column = column_of(board, column_id)
    if len(board.columns) == 1:
        raise LastColumn()
    if await TaskRepository(principal.account_id).count_on_columns([column.id]):
        raise ColumnNotEmpty()
    board.columns.remove(column)
    await saved(board, ["columns"])
    return board


async def reorder_columns(
    principal: Principal, project_id: str, board_id: str, body: ColumnOrder
) -> ProjectBoard:
    board = await writable_board(principal, project_id, board_id)
    by_id = {column.id: column for column in board.columns}
    if sorted(body.column_ids) != sorted(by_id):
        raise ColumnsMismatch(
            details=[{"field": "column_ids", "message": "every column of the board, once"}]
        )
    board.columns = [by_id[column_id] for column_id in body.column_ids]
    await saved(board, ["columns"])
    return board


def column_of(board: ProjectBoard, column_id: str) -> BoardColumn:
    oid = object_id(column_id)
    column = board.column(oid) if oid else None
    if column is None:
        raise ColumnNotFound(f"Column {column_id} is not on this board.")
    return column


async def saved(board: ProjectBoard, fields: list[str]) -> None:
    await board.save()
    announce(
        board.account_id, "board", board.id, "updated", fields, project_id=str(board.project_id)
    )
