"""CallRail's post-call webhook: the call recorded as an activity on the caller's contact (made
from the caller's number and name when the account does not know them yet)."""

from typing import Any

from beanie import PydanticObjectId

from queue_manager.integrations.contacts import contact_for_phone, is_e164
from shared.models.crm_log import CrmLog, FieldChange

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


async def handle(event: dict[str, Any]) -> dict[str, Any]:
    account_id = PydanticObjectId(event["data"]["account_id"])
    call = event["data"]["call"]
    phone = call.get("customer_phone_number")
    if not is_e164(phone):
        return {"skipped": "the call has no caller number"}
    contact, created = await contact_for_phone(
        account_id, phone, source="callrail", name=call.get("customer_name")
    )
    # A run taken over after a crash finds the activity it already wrote.
    recorded = await CrmLog.find_one(
        {
            "account_id": account_id,
            "entity_id": contact.id,
            "changes": {"$elemMatch": {"field": "resource_id", "new": call["resource_id"]}},
        }
    )
    activity = (
        recorded
        or await CrmLog(
            account_id=account_id,
            entity_type="contact",
            entity_id=contact.id,
            action="call_received" if call.get("direction") != "outbound" else "call_made",
            changes=[
                FieldChange(field=field, new=call[field]) for field in CALL_FIELDS if field in call
            ],
        ).insert()
    )
    return {"contact_id": str(contact.id), "contact_created": created, "activity": str(activity.id)}
