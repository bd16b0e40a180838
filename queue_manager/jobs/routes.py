"""/v1/jobs/{id}: a background job's status, progress and result (CSV imports and exports,
webhook deliveries, ...); /v1/dead-letters: tasks out of retries, and sending them again."""

from typing import Annotated

from fastapi import APIRouter, Depends

from queue_manager.dependencies import CeleryApp, Claims, Tasks
from queue_manager.jobs import service
from queue_manager.jobs.auth import DeadLettersAdmin, JobsRead
from queue_manager.jobs.errors import AlreadyRedriven
from queue_manager.jobs.schemas import DeadLetterRead, JobRead
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by
from shared.utilities.worker.repository import DEAD_LETTER_SORTS

router = APIRouter(tags=["jobs"])

DeadLetterPaging = Annotated[PageParams, Depends(sorted_by(DEAD_LETTER_SORTS, "-failed_at"))]


@router.get(
    "/v1/jobs/{task_id}",
    summary="A job by its task id: status, progress, result or error",
    response_model=JobRead,
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_job(task_id: str, operator: JobsRead, claims: Claims, celery: CeleryApp):
    return await service.get_job(task_id, claims, celery)


@router.get(
    "/v1/dead-letters",
    summary="Tasks that ran out of retries, the latest to die first (`?sort`)",
    response_model=Page[DeadLetterRead],
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_dead_letters(operator: DeadLettersAdmin, paging: DeadLetterPaging):
    return await service.list_dead_letters(paging)


@router.post(
    "/v1/dead-letters/{letter_id}/redrive",
    summary="Send a dead task again, with its arguments and task id, its attempts from zero",
    description="409 `dead_letter_redriven` when it was redriven already and has not died again.",
    response_model=DeadLetterRead,
    responses=error_responses(*SIGNED_IN, NotFound, AlreadyRedriven),
)
async def redrive_dead_letter(
    letter_id: str, operator: DeadLettersAdmin, tasks: Tasks, claims: Claims
):
    return await service.redrive(letter_id, tasks, claims)
