"""CallRail's post-call webhook: the call recorded as an activity on the caller's contact (made
from the caller's number and name when the account does not know them yet). A call in is a lead
of the caller's through the tracking number, with the attribution CallRail keeps on the call
(its UTM parameters, referring URL and landing page), once per call."""

from typing import Any

from beanie import PydanticObjectId

from queue_manager.integrations.calls import TrackedCall, record_call
from shared.domain.leads.recording import Touch
from shared.models.lead import Attribution, LeadSource

SOURCE = "callrail"
# The call's details kept on the activity, by CallRail's names.
CALL_FIELDS = (
    "resource_id",
    "direction",
    "answered",
    "duration",
    "voicemail",
    "start_time",
    "tracking_phone_number",
    "source_name",
    "recording",
)
# The attribution by CallRail's names of the call's fields.
ATTRIBUTION_FIELDS = {
    "utm_source": "utm_source",
    "utm_medium": "utm_medium",
    "utm_campaign": "utm_campaign",
    "utm_term": "utm_term",
    "utm_content": "utm_content",
    "referrer": "referring_url",
    "landing_page": "landing_page_url",
}


def call_touch(call: dict[str, Any]) -> Touch | None:
    """The caller reaching the account, for a call in; an outbound call is none."""
    if call.get("direction") == "outbound":
        return None
    given = {ours: call.get(theirs) for ours, theirs in ATTRIBUTION_FIELDS.items()}
    attribution = {ours: str(value) for ours, value in given.items() if value}
    return Touch(
        LeadSource.CALLRAIL,
        source_ref=call.get("tracking_phone_number"),
        attribution=Attribution(**attribution),
        touch_id=str(call["resource_id"]),
    )


async def handle(event: dict[str, Any]) -> dict[str, Any]:
    call = event["data"]["call"]
    tracked = TrackedCall(
        source=SOURCE,
        id_field="resource_id",
        fields=CALL_FIELDS,
        call=call,
        phone=call.get("customer_phone_number"),
        name=call.get("customer_name"),
        outbound=call.get("direction") == "outbound",
        touch=call_touch(call),
    )
    return await record_call(PydanticObjectId(event["data"]["account_id"]), tracked)
