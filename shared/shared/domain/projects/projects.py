"""Opening a project with its first board, and a board with its columns: for the API, the
templates and the automations' default project alike."""

from collections.abc import Sequence

from shared.domain.projects.events import announce
from shared.models.project import Project
from shared.models.project_board import BoardColumn, ProjectBoard

DEFAULT_COLUMNS = (
    BoardColumn(name="To do"),
    BoardColumn(name="In progress"),
    BoardColumn(name="Done", done=True),
)


def default_columns() -> list[BoardColumn]:
    """The three columns of a board made without any: each a column of its own."""
    return [BoardColumn(name=column.name, done=column.done) for column in DEFAULT_COLUMNS]


async def open_board(project: Project, name: str, columns: Sequence[BoardColumn]) -> ProjectBoard:
    board = ProjectBoard(
        account_id=project.account_id, project_id=project.id, name=name, columns=list(columns)
    )
    await board.insert()
    announce(board.account_id, "board", board.id, "created", project_id=str(project.id))
    return board


async def open_project(
    project: Project, columns: Sequence[BoardColumn] | None = None, board_name: str = "Board"
) -> tuple[Project, ProjectBoard]:
    """The project stored, with a first board of these columns (the default three by
    default)."""
    await project.insert()
    announce(project.account_id, "project", project.id, "created")
    board = await open_board(project, board_name, columns or default_columns())
    return project, board
