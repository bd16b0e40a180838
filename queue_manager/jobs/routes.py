"""/v1/jobs/{id}: a background job's status, progress and result (CSV imports and exports,
webhook deliveries, ...); /v1/dead-letters: tasks out of retries, and sending them again."""

from fastapi import APIRouter

from queue_manager.dependencies import CeleryApp, Operator, Tasks
from queue_manager.jobs import service
from queue_manager.jobs.schemas import DeadLetterRead, JobRead
from shared.utilities.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(tags=["jobs"])

OPERATOR = (Unauthorized, Forbidden)


@router.get(
    "/v1/jobs/{task_id}",
    summary="A job by its task id: status, progress, result or error",
    responses=error_responses(*OPERATOR, NotFound),
)
async def read_job(task_id: str, operator: Operator, celery: CeleryApp) -> JobRead:
    return await service.get_job(task_id, celery)


@router.get(
    "/v1/dead-letters",
    summary="Tasks that ran out of retries, most recent first",
    responses=error_responses(*OPERATOR, InvalidInput),
)
async def list_dead_letters(operator: Operator, paging: Paging) -> Page[DeadLetterRead]:
    page = await service.list_dead_letters(paging)
    return Page[DeadLetterRead](
        data=[DeadLetterRead.of(letter) for letter in page.data], pagination=page.pagination
    )


@router.post(
    "/v1/dead-letters/{letter_id}/redrive",
    summary="Send a dead task again, with its arguments and task id, its attempts from zero",
    description="409 when it was redriven already and has not died again.",
    responses=error_responses(*OPERATOR, NotFound, Conflict),
)
async def redrive_dead_letter(letter_id: str, operator: Operator, tasks: Tasks) -> DeadLetterRead:
    return DeadLetterRead.of(await service.redrive(letter_id, tasks))
