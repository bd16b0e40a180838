"""Where an automation's task goes: the board it names, or the account's default project
("Tasks"), made the first time an automation creates a task without naming a project: one per
account (a unique index on `default_of`), whichever of two runs racing makes it."""

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.domain.projects.checks import live_project
from shared.domain.projects.projects import default_columns, open_board, open_project
from shared.domain.projects.repository import BoardRepository, ProjectRepository
from shared.models.project import Project
from shared.models.project_board import ProjectBoard
from shared.utilities.errors import NotFound

DEFAULT_NAME = "Tasks"


async def default_board(account_id: PydanticObjectId) -> ProjectBoard:
    """The first board of the account's default project, both made when missing."""
    projects = ProjectRepository(account_id)
    project = await projects.default_project()
    if project is None:
        try:
            _, board = await open_project(
                Project(account_id=account_id, name=DEFAULT_NAME, default_of=account_id)
            )
            return board
        except DuplicateKeyError:
            project = await projects.default_project()
            assert project is not None, "made by the run that refused this one"
    board = await BoardRepository(account_id).first_of(project.id)
    # A run that died between the project and its board left it without one.
    return board or await open_board(project, DEFAULT_NAME, default_columns())


async def board_for_automation(
    account_id: PydanticObjectId,
    project_id: PydanticObjectId | None,
    board_id: PydanticObjectId | None,
) -> ProjectBoard:
    """Where an automation's task goes: the board named of the live project named, else that
    project's first board; the default project's first board when it names none."""
    if project_id is None:
        return await default_board(account_id)
    project = await live_project(account_id, project_id)
    boards = BoardRepository(account_id)
    if board_id is not None:
        return await boards.get_in(board_id, project_id=project.id)
    board = await boards.first_of(project.id)
    if board is None:
        raise NotFound(f"Project {project_id} has no board.")
    return board
