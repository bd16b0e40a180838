"""/v1/e/google-calendar: the busy times of an account's calendars, for the internal API's
booking pages (a service call: the account is in the path, no user session names it)."""

from typing import Annotated

from fastapi import APIRouter, Depends

from external_api.integrations.framework.dependencies import DocumentId, IntegrationsDep
from external_api.integrations.framework.errors import CONNECTED_CALL_ERRORS
from external_api.integrations.google_calendar.client import FreeBusy
from external_api.integrations.google_calendar.schemas import FreeBusyQuery, FreeBusyRead
from shared.utilities.auth import Principal, requires_service
from shared.utilities.errors import Forbidden, InvalidInput, Unauthorized, error_responses

PROVIDER = "google-calendar"
router = APIRouter(prefix=f"/v1/e/{PROVIDER}", tags=[PROVIDER])
InternalApi = Annotated[Principal, Depends(requires_service("internal_api"))]


@router.post(
    "/accounts/{account_id}/free-busy",
    response_model=FreeBusyRead,
    summary="Busy times of the account's Google calendars (services only)",
    description="Google's freeBusy for `calendar_ids` between `time_min` and `time_max`, "
    "through the account's connection; 409 `not_connected` when it has none.",
    responses=error_responses(Unauthorized, Forbidden, InvalidInput, *CONNECTED_CALL_ERRORS),
)
async def free_busy(
    account_id: DocumentId, body: FreeBusyQuery, caller: InternalApi, integrations: IntegrationsDep
) -> dict:
    http = integrations.connected_http(PROVIDER, account_id)
    answer = await FreeBusy(http).query(body.time_min, body.time_max, body.calendar_ids)
    return {"calendars": answer.get("calendars", {})}
