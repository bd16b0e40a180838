"""/v1/projects/{project_id}/boards: a project's boards and their columns."""

from fastapi import APIRouter, Response

from internal_api.projects.auth import ProjectsRead, ProjectsWrite
from internal_api.projects.boards import service
from internal_api.projects.boards.schemas import (
    BoardCreate,
    BoardRead,
    BoardUpdate,
    ColumnCreate,
    ColumnOrder,
    ColumnUpdate,
)
from internal_api.projects.errors import BoardNotEmpty, ColumnNotEmpty, ColumnsMismatch, LastColumn
from shared.domain.projects.errors import ColumnNotFound, ProjectArchived
from shared.models.project_board import ProjectBoard
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/projects/{project_id}/boards", tags=["projects"])

WRITE_ERRORS = (*SIGNED_IN, NotFound, ProjectArchived)


@router.post(
    "",
    status_code=201,
    response_model=BoardRead,
    summary="Add a board to a project",
    responses=error_responses(*WRITE_ERRORS, InvalidInput),
)
async def create_board(
    project_id: str, body: BoardCreate, principal: ProjectsWrite
) -> ProjectBoard:
    return await service.create_board(principal, project_id, body)


@router.get(
    "",
    response_model=Page[BoardRead],
    summary="The project's boards",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def list_boards(
    project_id: str, principal: ProjectsRead, paging: Paging
) -> Page[ProjectBoard]:
    return await service.list_boards(principal, project_id, paging)


@router.get(
    "/{board_id}",
    response_model=BoardRead,
    summary="One board, its columns in order",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_board(project_id: str, board_id: str, principal: ProjectsRead) -> ProjectBoard:
    return await service.get_board(principal, project_id, board_id)


@router.patch(
    "/{board_id}",
    response_model=BoardRead,
    summary="Rename a board",
    responses=error_responses(*WRITE_ERRORS),
)
async def update_board(
    project_id: str, board_id: str, body: BoardUpdate, principal: ProjectsWrite
) -> ProjectBoard:
    return await service.update_board(principal, project_id, board_id, body)


@router.delete(
    "/{board_id}",
    status_code=204,
    summary="Remove a board that holds no task",
    responses=error_responses(*WRITE_ERRORS, BoardNotEmpty),
)
async def delete_board(project_id: str, board_id: str, principal: ProjectsWrite) -> Response:
    await service.delete_board(principal, project_id, board_id)
    return Response(status_code=204)


@router.post(
    "/{board_id}/columns",
    status_code=201,
    response_model=BoardRead,
    summary="Add a column",
    responses=error_responses(*WRITE_ERRORS),
)
async def add_column(
    project_id: str, board_id: str, body: ColumnCreate, principal: ProjectsWrite
) -> ProjectBoard:
    return await service.add_column(principal, project_id, board_id, body)


@router.put(
    "/{board_id}/columns/order",
    response_model=BoardRead,
    summary="Reorder the columns",
    description="`column_ids` names every column of the board once, in the new order (422 "
    "`columns_mismatch` otherwise).",
    responses=error_responses(*WRITE_ERRORS, ColumnsMismatch),
)
async def reorder_columns(
    project_id: str, board_id: str, body: ColumnOrder, principal: ProjectsWrite
) -> ProjectBoard:
    return await service.reorder_columns(principal, project_id, board_id, body)


@router.patch(
    "/{board_id}/columns/{column_id}",
    response_model=BoardRead,
    summary="Rename a column, or make it a done column or not",
    responses=error_responses(*WRITE_ERRORS, ColumnNotFound),
)
async def update_column(
    project_id: str, board_id: str, column_id: str, body: ColumnUpdate, principal: ProjectsWrite
) -> ProjectBoard:
    return await service.update_column(principal, project_id, board_id, column_id, body)


@router.delete(
    "/{board_id}/columns/{column_id}",
    response_model=BoardRead,
    summary="Remove a column that holds no task",
    responses=error_responses(*WRITE_ERRORS, ColumnNotFound, ColumnNotEmpty, LastColumn),
)
async def delete_column(
    project_id: str, board_id: str, column_id: str, principal: ProjectsWrite
) -> ProjectBoard:
    return await service.delete_column(principal, project_id, board_id, column_id)
