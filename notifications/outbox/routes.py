"""The outbox: what the account's notifications would have looked like, with no provider."""

from fastapi import APIRouter

from notifications.dependencies import NotificationsReader
from notifications.outbox import service
from notifications.outbox.schemas import OutboxMessageRead
from shared.utilities.errors import Forbidden, InvalidInput, Unauthorized, error_responses
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/notifications/outbox", tags=["notification outbox"])


@router.get(
    "",
    summary="Messages that would have been sent, newest first (channels with no provider)",
    responses=error_responses(Unauthorized, Forbidden, InvalidInput),
)
async def list_outbox(principal: NotificationsReader, paging: Paging) -> Page[OutboxMessageRead]:
    page = await service.list_outbox(principal.account_id, paging)
    return Page[OutboxMessageRead](
        data=[OutboxMessageRead.of(message) for message in page.data], pagination=page.pagination
    )
