"""/v1/e/constant-contact: a list synced with a CRM tag (set up, listed, run again, removed),
the queue manager's runs, and its polls of each list's unsubscribes."""

from typing import Annotated

from fastapi import APIRouter, Depends

from external_api.integrations.constant_contact import unsubscribes
from external_api.integrations.constant_contact.lists import LISTS
from external_api.integrations.constant_contact.reports import NAME
from external_api.integrations.constant_contact.schemas import PollCreate, PollRead
from external_api.integrations.email_lists.routes import add_list_sync_routes
from external_api.integrations.framework.dependencies import DocumentId, IntegrationsDep
from external_api.integrations.framework.errors import CONNECTED_CALL_ERRORS
from shared.utilities.auth import Principal, requires_service
from shared.utilities.errors import Forbidden, NotFound, Unauthorized, error_responses

router = APIRouter(prefix=f"/v1/e/{NAME}", tags=[NAME])
QueueManager = Annotated[Principal, Depends(requires_service("queue_manager"))]
add_list_sync_routes(
    router,
    LISTS,
    "/lists",
    "a Constant Contact list",
    "Constant Contact sends no unsubscribe webhook: the list's unsubscribes are polled "
    "(QM_EMAIL_LISTS) and opt the contacts out on the platform.",
)


@router.post(
    "/audience-syncs/{sync_id}/poll",
    summary="Poll a list's unsubscribes since the last poll (the queue manager only)",
    description="Each member the list holds as subscribed is kept unsubscribed and the "
    "account's contacts holding its address are opted out of marketing email.",
    response_model=PollRead,
    responses=error_responses(Unauthorized, Forbidden, NotFound, *CONNECTED_CALL_ERRORS),
)
async def poll_unsubscribes(
    sync_id: DocumentId, body: PollCreate, caller: QueueManager, integrations: IntegrationsDep
) -> PollRead:
    return await unsubscribes.poll(integrations, body.account_id, sync_id)
