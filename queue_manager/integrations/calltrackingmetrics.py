"""CallTrackingMetrics' call webhook: the call recorded on the caller's contact, and a call in
counted as the caller's lead through the tracking number, with the referrer and landing page
CTM keeps on the call (`queue_manager.integrations.calls`)."""

from typing import Any

from beanie import PydanticObjectId

from queue_manager.integrations.calls import TrackedCall, record_call
from shared.domain.leads.recording import Touch
from shared.models.lead import Attribution, LeadSource

SOURCE = "calltrackingmetrics"
# The call's details kept on the activity, by CTM's names.
CALL_FIELDS = (
    "id",
    "direction",
    "duration",
    "called_at",
    "tracking_number",
    "source",
    "audio",
)


def call_touch(call: dict[str, Any]) -> Touch | None:
    if call.get("direction") == "outbound":
        return None
    given = {"referrer": call.get("referrer"), "landing_page": call.get("location")}
    attribution = {ours: str(value) for ours, value in given.items() if value}
    return Touch(
        LeadSource.CALLTRACKINGMETRICS,
        source_ref=call.get("tracking_number"),
        attribution=Attribution(**attribution),
        touch_id=str(call["id"]),
    )


async def handle(event: dict[str, Any]) -> dict[str, Any]:
    call = event["data"]["call"]
    tracked = TrackedCall(
        source=SOURCE,
        id_field="id",
        fields=CALL_FIELDS,
        call=call,
        phone=call.get("caller_number"),
        name=call.get("name"),
        outbound=call.get("direction") == "outbound",
        touch=call_touch(call),
    )
    return await record_call(PydanticObjectId(event["data"]["account_id"]), tracked)
