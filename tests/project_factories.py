"""Factories for projects' work, stored as is (no checks, nothing told): a project with its
first board (To do, In progress, Done: the last a done column), and tasks at the end of a
column."""

import secrets

from shared.domain.projects.projects import default_columns
from shared.models.account import Account
from shared.models.project import Project
from shared.models.project_board import ProjectBoard
from shared.models.project_task import ProjectTask


async def create_project(account: Account, **overrides) -> tuple[Project, ProjectBoard]:
    project = await Project(**{"account_id": account.id, "name": "Website", **overrides}).insert()
    board = ProjectBoard(
        account_id=account.id, project_id=project.id, name="Board", columns=default_columns()
    )
    return project, await board.insert()


async def create_task(board: ProjectBoard, column: int = 0, **overrides) -> ProjectTask:
    """A task last in the board's column (by index)."""
    column_id = board.columns[column].id
    in_column = {"account_id": board.account_id, "column_id": column_id}
    fields = {
        **in_column,
        "project_id": board.project_id,
        "board_id": board.id,
        "title": "Write the home page",
        "position": await ProjectTask.find(in_column).count(),
    }
    return await ProjectTask(**{**fields, **overrides}).insert()


def storage_key(account: Account, filename: str = "brief.pdf") -> str:
    """A key as the storage integration makes one for the account's private files."""
    return f"accounts/{account.id}/{secrets.token_hex(16)}/{filename}"
