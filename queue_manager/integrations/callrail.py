"""CallRail's post-call webhook: the call recorded as an activity on the caller's contact (made
from the caller's number and name when the account does not know them yet). A call in is a lead
of the caller's through the tracking number, with the attribution CallRail keeps on the call
(its UTM parameters, referring URL and landing page), once per call."""

from typing import Any

from beanie import PydanticObjectId

from queue_manager.celery import settings
from shared.domain.activities.recording import record
from shared.domain.activities.repository import ActivityRepository
from shared.domain.contacts.callers import contact_for, names_of
from shared.domain.contacts.errors import Unreachable
from shared.domain.contacts.writing import platform_author
from shared.domain.leads.recording import Touch
from shared.models.crm_log import FieldChange
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
    account_id = PydanticObjectId(event["data"]["account_id"])
    call = event["data"]["call"]
    author = await platform_author(account_id, settings)
    try:
        contact, created = await contact_for(
            author,
            SOURCE,
            phone=call.get("customer_phone_number"),
            **names_of(call.get("customer_name")),
            touch=call_touch(call),
        )
    except Unreachable:
        return {"skipped": "the call has no caller number"}
    assert contact.id is not None, "a stored contact"
    # A run taken over after a crash finds the activity it already wrote.
    activities = ActivityRepository(account_id)
    activity = await activities.with_change(contact.id, "resource_id", call["resource_id"])
    if activity is None:
        action = "call_received" if call.get("direction") != "outbound" else "call_made"
        changes = [
            FieldChange(field=field, new=call[field]) for field in CALL_FIELDS if field in call
        ]
        activity = await record(account_id, None, "contact", contact.id, action, changes)
    return {"contact_id": str(contact.id), "contact_created": created, "activity": str(activity.id)}
