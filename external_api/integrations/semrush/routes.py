from typing import Annotated

from fastapi import APIRouter, Depends

from external_api.integrations.framework.auth import IntegrationsWrite
from external_api.integrations.framework.dependencies import IntegrationsDep
from external_api.integrations.framework.errors import CONNECTED_CALL_ERRORS
from external_api.integrations.semrush import service
from external_api.integrations.semrush.schemas import SemrushSnapshot, VisibilityQuery
from shared.utilities.auth import Principal, requires_service
from shared.utilities.errors import Forbidden, InvalidInput, Unauthorized, error_responses

router = APIRouter(prefix=f"/v1/e/{service.NAME}", tags=[service.NAME])
QueueManager = Annotated[Principal, Depends(requires_service("queue_manager"))]


@router.post(
    "/sync",
    summary="Read the tracked domain's overview, keywords and backlinks now and store them",
    description="Stored in the analytics store as today's snapshot (source `semrush`); the "
    "nightly sync does the same. Each call costs Semrush API units.",
    responses=error_responses(Unauthorized, Forbidden, InvalidInput, *CONNECTED_CALL_ERRORS),
)
async def sync(principal: IntegrationsWrite, integrations: IntegrationsDep) -> SemrushSnapshot:
    return await service.sync(integrations, principal.account_id)


@router.post(
    "/visibility",
    summary="Another domain's search visibility, with the account's key (the queue manager only)",
    description="Semrush's overview of `domain` (an InstaReport's prospect): its rank, organic "
    "keywords and traffic, and that traffic's cost (US cents); 409 `not_connected` when the "
    "account has no Semrush key. Nothing is stored.",
    responses=error_responses(Unauthorized, Forbidden, InvalidInput, *CONNECTED_CALL_ERRORS),
)
async def visibility(
    body: VisibilityQuery, caller: QueueManager, integrations: IntegrationsDep
) -> dict[str, float]:
    return await service.visibility(integrations, body.account_id, body.domain)
