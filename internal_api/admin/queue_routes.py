"""/v1/admin/queues and /v1/admin/dead-letters: the queue manager's queues, switches and dead
letters, through its own API (`queues`); a redrive asks for a reason and is audited."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path

from internal_api.admin import audit
from internal_api.admin.auth import Operator
from internal_api.admin.errors import AlreadyRedriven, OperatorOnly, QueueManagerUnavailable
from internal_api.admin.queues import QueueManagerClient
from internal_api.admin.schemas import DeadLetterRead, QueueRead, ReasonGiven, SwitchRead
from shared.models.admin_audit_entry import AdminAction
from shared.utilities.errors import (
    InvalidInput,
    NotFound,
    Unauthorized,
    UpstreamTimeout,
    error_responses,
)
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/admin", tags=["admin"])

# The queue manager's own sorts of its dead letters.
DeadLetterPaging = Annotated[
    PageParams, Depends(sorted_by(["failed_at", "created_at"], "-failed_at"))
]
LetterId = Annotated[str, Path(pattern=r"^[0-9a-fA-F]{24}$")]
QUEUE_MANAGER = (Unauthorized, OperatorOnly, QueueManagerUnavailable, UpstreamTimeout)


@router.get(
    "/queues",
    summary="Every queue: switched on or not, tasks waiting, workers consuming it",
    responses=error_responses(*QUEUE_MANAGER),
)
async def list_queues(operator: Operator, queue_manager: QueueManagerClient) -> list[QueueRead]:
    return await queue_manager.queues()


@router.get(
    "/queues/switches",
    summary="The QM_* switches in force in the queue manager",
    responses=error_responses(*QUEUE_MANAGER),
)
async def list_switches(operator: Operator, queue_manager: QueueManagerClient) -> list[SwitchRead]:
    return await queue_manager.switches()


@router.get(
    "/dead-letters",
    summary="Tasks that ran out of retries, the latest to die first",
    responses=error_responses(*QUEUE_MANAGER, InvalidInput),
)
async def list_dead_letters(
    operator: Operator, queue_manager: QueueManagerClient, paging: DeadLetterPaging
) -> Page[DeadLetterRead]:
    return await queue_manager.dead_letters(paging)


@router.post(
    "/dead-letters/{letter_id}/redrive",
    summary="Send a dead task again, with its arguments and task id, its attempts from zero",
    description="409 `dead_letter_redriven` when it was redriven already and has not died again.",
    responses=error_responses(*QUEUE_MANAGER, NotFound, AlreadyRedriven),
)
async def redrive_dead_letter(
    letter_id: LetterId, body: ReasonGiven, operator: Operator, queue_manager: QueueManagerClient
) -> DeadLetterRead:
    letter = await queue_manager.redrive(letter_id)
    await audit.record(
        operator,
        AdminAction.DEAD_LETTER_REDRIVEN,
        ("dead_letter", letter.id),
        body.reason,
        details={"task_id": letter.task_id, "task_name": letter.task_name},
    )
    return letter
