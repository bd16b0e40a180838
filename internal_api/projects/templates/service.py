"""Project templates: built, changed, deleted, and instantiated: a project opened (in the
caller's account, or in one of its client sub-accounts) with the template's columns and its
tasks, each due its number of days after the start date, at the due time in the project's
time zone."""

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from beanie import PydanticObjectId

from internal_api.accounts.repository import SubAccountRepository
from internal_api.projects.auth import SUB_ACCOUNTS_SCOPE
from internal_api.projects.repository import TemplateRepository
from internal_api.projects.templates.schemas import Instantiation, TemplateCreate, TemplateUpdate
from internal_api.settings import InternalApiSettings
from shared.domain.accounts import repository as accounts
from shared.domain.accounts.locale import locale_of
from shared.domain.projects.projects import open_project
from shared.domain.projects.rich_text import sanitised
from shared.domain.projects.writing import open_task
from shared.models.account import Account
from shared.models.project import Project
from shared.models.project_board import BoardColumn, ProjectBoard
from shared.models.project_task import ChecklistItem, ProjectTask
from shared.models.project_template import ProjectTemplate, TemplateTask
from shared.utilities.auth import Principal
from shared.utilities.errors import Forbidden, InvalidInput, NotFound
from shared.utilities.pagination import Page, PageParams


async def create_template(principal: Principal, body: TemplateCreate) -> ProjectTemplate:
    template = ProjectTemplate(
        account_id=principal.account_id,
        created_by=PydanticObjectId(principal.sub),
        **stored_values(body.model_dump()),
    )
    check_columns(template)
    return await template.insert()


async def list_templates(principal: Principal, params: PageParams) -> Page[ProjectTemplate]:
    return await TemplateRepository(principal.account_id).paginate(params)


async def get_template(principal: Principal, template_id: str) -> ProjectTemplate:
    return await TemplateRepository(principal.account_id).get(template_id)


async def update_template(
    principal: Principal, template_id: str, body: TemplateUpdate
) -> ProjectTemplate:
    template = await get_template(principal, template_id)
    changed = ProjectTemplate.model_validate(
        {**template.model_dump(), **stored_values(body.model_dump(exclude_unset=True))}
    )
    check_columns(changed)
    for name in body.model_fields_set:
        setattr(template, name, getattr(changed, name))
    await template.save()
    return template


async def delete_template(principal: Principal, template_id: str) -> None:
    """The projects made from it stay as they are."""
    await TemplateRepository(principal.account_id).delete(template_id)


async def instantiate(
    principal: Principal, template_id: str, body: Instantiation, settings: InternalApiSettings
) -> Project:
    template = await get_template(principal, template_id)
    account = await target_account(principal, body.account_id)
    time_zone = body.time_zone or locale_of(account, settings).time_zone
    starts_on = body.starts_on or datetime.now(ZoneInfo(time_zone)).date()
    project = Project(
        account_id=account.id,
        name=body.name or template.name,
        description=template.description,
        template_id=template.id,
    )
    columns = [BoardColumn(name=column.name, done=column.done) for column in template.columns]
    project, board = await open_project(project, columns)
    for item in template.tasks:
        due_at = None
        if item.due_in_days is not None:
            due_at = datetime.combine(starts_on + timedelta(days=item.due_in_days), body.due_time)
        task = task_of(item, project, board, due_at, time_zone)
        await open_task(task, PydanticObjectId(principal.sub))
    return project


async def target_account(principal: Principal, account_id: PydanticObjectId | None) -> Account:
    """The caller's account, or one of its sub-accounts for a caller who manages them."""
    if account_id is None or str(account_id) == principal.account_id:
        account = await accounts.account(PydanticObjectId(principal.account_id))
        if account is None:
            raise NotFound("The account does not exist.")
        return account
    if not principal.has_scopes(SUB_ACCOUNTS_SCOPE):
        raise Forbidden(
            f"Missing scope: {SUB_ACCOUNTS_SCOPE}.", details=[{"scope": SUB_ACCOUNTS_SCOPE}]
        )
    return await SubAccountRepository(principal.account_id).get(account_id)


def task_of(
    item: TemplateTask,
    project: Project,
    board: ProjectBoard,
    due_at: datetime | None,
    time_zone: str,
) -> ProjectTask:
    return ProjectTask(
        account_id=project.account_id,
        project_id=project.id,
        board_id=board.id,
        column_id=board.columns[item.column].id,
        position=0,
        title=item.title,
        description=item.description,
        due_at=due_at,
        time_zone=time_zone,
        priority=item.priority,
        labels=item.labels,
        checklist=[ChecklistItem(text=text) for text in item.checklist],
    )


def stored_values(values: dict[str, Any]) -> dict[str, Any]:
    """As the template stores them: each task's description sanitised."""
    for task in values.get("tasks") or []:
        task["description"] = sanitised(task["description"])
    return values


def check_columns(template: ProjectTemplate) -> None:
    """Each task is in one of the template's columns, named by its index."""
    details = [
        {"field": f"tasks.{index}.column", "message": f"at most {len(template.columns) - 1}"}
        for index, task in enumerate(template.tasks)
        if task.column >= len(template.columns)
    ]
    if details:
        raise InvalidInput("Some tasks are in no column of the template.", details=details)
