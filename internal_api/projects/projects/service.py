"""Projects: opened with a first board (`shared.domain.projects.projects`), listed, changed,
archived (kept with their tasks, which take no changes from then on)."""

from internal_api.projects.projects.schemas import ProjectCreate, ProjectUpdate
from shared.domain.projects.checks import live_project
from shared.domain.projects.events import announce
from shared.domain.projects.projects import open_project
from shared.domain.projects.repository import ProjectRepository
from shared.models.base import utc_now
from shared.models.project import Project
from shared.models.project_board import BoardColumn
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams


async def create_project(principal: Principal, body: ProjectCreate) -> Project:
    project = Project(account_id=principal.account_id, name=body.name, description=body.description)
    columns = [BoardColumn(**column.model_dump()) for column in body.columns or []]
    project, _ = await open_project(project, columns)
    return project


async def list_projects(principal: Principal, params: PageParams, archived: bool) -> Page[Project]:
    return await ProjectRepository(principal.account_id).paginate(
        params, {"archived_at": {"$ne": None} if archived else None}
    )


async def get_project(principal: Principal, project_id: str) -> Project:
    return await ProjectRepository(principal.account_id).get(project_id)


async def update_project(principal: Principal, project_id: str, body: ProjectUpdate) -> Project:
    project = await live_project(principal.account_id, project_id)
    changes = {
        name: value
        for name, value in body.model_dump(exclude_unset=True, exclude_none=True).items()
        if getattr(project, name) != value
    }
    if changes:
        for name, value in changes.items():
            setattr(project, name, value)
        await project.save()
        announce(project.account_id, "project", project.id, "updated", changes)
    return project


async def archive_project(principal: Principal, project_id: str) -> None:
    project = await get_project(principal, project_id)
    if project.archived_at is None:
        project.archived_at = utc_now()
        await project.save()
        announce(project.account_id, "project", project.id, "archived", ["archived_at"])
