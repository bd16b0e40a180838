"""Time entries on a task. The task keeps their sum (`logged_minutes`), moved in one write per
entry, so entries logged at once add up; an entry is stored before the sum moves, so a failure
between the two leaves the sum short by that entry, never counted twice."""

from beanie import PydanticObjectId

from internal_api.projects.errors import NotTimeEntryOwner
from internal_api.projects.repository import TimeEntryRepository
from internal_api.projects.tasks.service import get_task
from internal_api.projects.time_entries.schemas import TimeEntryCreate
from shared.domain.accounts.users import require_users
from shared.domain.projects.checks import live_project
from shared.domain.projects.events import announce_task
from shared.domain.projects.repository import TaskRepository
from shared.models.project_task import ProjectTask
from shared.models.project_time_entry import TimeEntry
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams

ADMIN_SCOPE = "account:write"


async def log_time(
    principal: Principal, project_id: str, task_id: str, body: TimeEntryCreate
) -> TimeEntry:
    task = await get_task(principal, project_id, task_id)
    await live_project(task.account_id, task.project_id)
    caller = PydanticObjectId(principal.sub)
    user_id = body.user_id or caller
    if user_id != caller:
        await require_users(principal.account_id, [str(user_id)], "user_id")
    entry = await TimeEntryRepository(principal.account_id).create(
        project_id=task.project_id,
        task_id=task.id,
        user_id=user_id,
        minutes=body.minutes,
        note=body.note,
        date=body.date,
        created_by=caller,
    )
    await logged(task, body.minutes)
    return entry


async def list_time(
    principal: Principal, project_id: str, task_id: str, params: PageParams
) -> Page[TimeEntry]:
    task = await get_task(principal, project_id, task_id)
    return await TimeEntryRepository(principal.account_id).paginate(params, {"task_id": task.id})


async def delete_time(principal: Principal, project_id: str, task_id: str, entry_id: str) -> None:
    task = await get_task(principal, project_id, task_id)
    await live_project(task.account_id, task.project_id)
    entry = await TimeEntryRepository(principal.account_id).get_in(entry_id, task_id=task.id)
    owners = {str(entry.user_id), str(entry.created_by)}
    if principal.sub not in owners and not principal.has_scopes(ADMIN_SCOPE):
        raise NotTimeEntryOwner()
    await entry.delete()
    await logged(task, -entry.minutes)


async def logged(task: ProjectTask, minutes: int) -> None:
    assert task.id is not None, "a stored task"
    await TaskRepository(task.account_id).add_minutes(task.id, minutes)
    announce_task(task, "updated", ["logged_minutes"])
