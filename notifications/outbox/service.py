from notifications.outbox.repository import OutboxRepository
from shared.models.notification_outbox import OutboxMessage
from shared.utilities.pagination import Page, PageParams


async def list_outbox(account_id: str, params: PageParams) -> Page[OutboxMessage]:
    return await OutboxRepository(account_id).paginate(params)
