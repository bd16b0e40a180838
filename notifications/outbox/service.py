from shared.models.notification_outbox import OutboxMessage
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import TenantRepository


async def list_outbox(account_id: str, params: PageParams) -> Page[OutboxMessage]:
    return await TenantRepository(OutboxMessage, account_id).paginate(params)
