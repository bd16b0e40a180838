from fastapi import APIRouter

from external_api.integrations.framework.auth import IntegrationsWrite
from external_api.integrations.framework.dependencies import IntegrationsDep
from external_api.integrations.framework.errors import CONNECTED_CALL_ERRORS
from external_api.integrations.semrush import service
from external_api.integrations.semrush.schemas import SemrushSnapshot
from shared.utilities.errors import Forbidden, InvalidInput, Unauthorized, error_responses

router = APIRouter(prefix=f"/v1/e/{service.NAME}", tags=[service.NAME])


@router.post(
    "/sync",
    summary="Read the tracked domain's overview, keywords and backlinks now and store them",
    description="Stored in the analytics store as today's snapshot (source `semrush`); the "
    "nightly sync does the same. Each call costs Semrush API units.",
    responses=error_responses(Unauthorized, Forbidden, InvalidInput, *CONNECTED_CALL_ERRORS),
)
async def sync(principal: IntegrationsWrite, integrations: IntegrationsDep) -> SemrushSnapshot:
    return await service.sync(integrations, principal.account_id)
