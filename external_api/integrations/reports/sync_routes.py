"""/v1/e/analytics: a source's days pulled again into the analytics store. `sync` is the queue
manager's (a service call: the account is in the body); `backfill` is the account's, asking
the queue manager to pull a past range, a month per job."""

from typing import Annotated

from fastapi import APIRouter, Depends, status

from external_api.integrations.framework.auth import IntegrationsWrite
from external_api.integrations.framework.dependencies import IntegrationsDep
from external_api.integrations.framework.errors import CONNECTED_CALL_ERRORS
from external_api.integrations.reports.sync import UnknownSource, sync_source
from external_api.integrations.reports.sync_schemas import (
    BackfillCreate,
    BackfillRead,
    SyncCreate,
    SyncRead,
)
from shared.domain.analytics.sync import ask_backfill
from shared.utilities.auth import Principal, requires_service
from shared.utilities.errors import Forbidden, InvalidInput, Unauthorized, error_responses

router = APIRouter(prefix="/v1/e/analytics", tags=["analytics"])
QueueManager = Annotated[Principal, Depends(requires_service("queue_manager"))]


@router.post(
    "/sync",
    summary="Pull a source's days into the analytics store (the queue manager only)",
    responses=error_responses(
        Unauthorized, Forbidden, InvalidInput, UnknownSource, *CONNECTED_CALL_ERRORS
    ),
)
async def sync(body: SyncCreate, caller: QueueManager, integrations: IntegrationsDep) -> SyncRead:
    pulls = await sync_source(
        integrations, body.account_id, body.source, body.start_date, body.end_date
    )
    return SyncRead(pulls=pulls)


@router.post(
    "/backfill",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Pull a past range of a source into the analytics store, in the background",
    description="A job per month of the range on the queue manager's `analytics_sync` queue; "
    "days already stored are overwritten, never doubled.",
    responses=error_responses(Unauthorized, Forbidden, InvalidInput),
)
async def backfill(body: BackfillCreate, principal: IntegrationsWrite) -> BackfillRead:
    jobs = ask_backfill(principal.account_id, body.source, body.start_date, body.end_date)
    return BackfillRead(jobs=jobs)
