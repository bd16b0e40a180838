"""What a call-tracking provider's call webhook does, whichever provider (CallRail,
CallTrackingMetrics): the call recorded as an activity on the caller's contact (made from the
caller's number and name when the account does not know them yet), once per call, and a call
in counted as a lead of the caller's through the tracking number."""

from dataclasses import dataclass
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


@dataclass(frozen=True)
class TrackedCall:
    """A provider's call, in the provider's own field names."""

    source: str  # the provider, as the contact's source
    id_field: str  # the field naming the call, kept on the activity
    fields: tuple[str, ...]  # the call's details kept on the activity
    call: dict[str, Any]
    phone: str | None
    name: str | None
    outbound: bool
    touch: Touch | None  # None for a call out


async def record_call(account_id: PydanticObjectId, tracked: TrackedCall) -> dict[str, Any]:
    call = tracked.call
    author = await platform_author(account_id, settings)
    try:
        contact, created = await contact_for(
            author,
            tracked.source,
            phone=tracked.phone,
            **names_of(tracked.name),
            touch=tracked.touch,
        )
    except Unreachable:
        return {"skipped": "the call has no caller number"}
    assert contact.id is not None, "a stored contact"
    # A run taken over after a crash finds the activity it already wrote.
    activities = ActivityRepository(account_id)
    activity = await activities.with_change(contact.id, tracked.id_field, call[tracked.id_field])
    if activity is None:
        action = "call_made" if tracked.outbound else "call_received"
        changes = [
            FieldChange(field=field, new=call[field]) for field in tracked.fields if field in call
        ]
        activity = await record(account_id, None, "contact", contact.id, action, changes)
    return {"contact_id": str(contact.id), "contact_created": created, "activity": str(activity.id)}
