"""The outbox: what the account's notifications would have looked like, with no provider."""

from fastapi import APIRouter

from notifications.outbox import service
from notifications.outbox.auth import OutboxRead
from notifications.outbox.schemas import OutboxMessageRead
from shared.models.notification_outbox import OutboxMessage
from shared.utilities.errors import SIGNED_IN, InvalidInput, error_responses
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/notifications/outbox", tags=["notification outbox"])


@router.get(
    "",
    response_model=Page[OutboxMessageRead],
    summary="Messages that would have been sent, newest first (channels with no provider)",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_outbox(principal: OutboxRead, paging: Paging) -> Page[OutboxMessage]:
    return await service.list_outbox(principal.account_id, paging)
