"""Every route of the projects module, as one router: the templates' first, so that
`/v1/projects/templates` is never read as a project's id."""

from fastapi import APIRouter

from internal_api.projects.boards.routes import router as boards_router
from internal_api.projects.comments.routes import router as comments_router
from internal_api.projects.projects.routes import router as projects_router
from internal_api.projects.tasks.routes import router as tasks_router
from internal_api.projects.templates.routes import router as templates_router
from internal_api.projects.time_entries.routes import router as time_entries_router

router = APIRouter()
for part in (
    templates_router,
    projects_router,
    boards_router,
    tasks_router,
    comments_router,
    time_entries_router,
):
    router.include_router(part)
