"""CRM changes pushed live to the account's room on the general socket:
`contact:created|updated|deleted` and `deal:created|moved|updated|deleted` for a change made
to one record, and one `contacts:changed` summary for a change made to many at once (a bulk
action, a merge, an import), so a bulk write does not send one event per contact to every open
dashboard. Each is sent once the request (or job) that made it succeeds.

A payload names the record, what was done and which fields changed, never their values: every
user of the account hears the room, and a member limited to their own records must not read a
record they cannot open. The dashboard fetches what it shows through the API, which checks.
A move also says what changed of where the deal is (pipeline, stage, position: ids and a
number only), so a board can follow it.
"""

from collections.abc import Sequence
from typing import Any

from beanie import PydanticObjectId

from shared.models.crm_log import FieldChange
from shared.utilities.outbox import emit
from shared.utilities.realtime import Socket, account_room

# entity type -> activity action -> event; an action missing here is an update.
EVENTS: dict[str, dict[str, str]] = {
    "contact": {"created": "contact:created", "deleted": "contact:deleted"},
    "deal": {
        "created": "deal:created",
        "deleted": "deal:deleted",
        "stage_changed": "deal:moved",
        "moved": "deal:moved",
    },
}
WHERE_A_DEAL_WENT = ("pipeline_id", "stage_id", "position")
CONTACTS_CHANGED = "contacts:changed"
# A summary names the contacts it changed up to this many (a bulk action's whole list); past
# it (an import) it gives their number only, and the dashboard reloads its list.
MAX_IDS_IN_A_SUMMARY = 100


def announce(
    account_id: str | PydanticObjectId,
    entity_type: str,
    entity_id: PydanticObjectId,
    action: str,
    changes: Sequence[FieldChange],
) -> None:
    if entity_type not in EVENTS:
        return
    event = EVENTS[entity_type].get(action, f"{entity_type}:updated")
    data: dict[str, Any] = {
        "id": str(entity_id),
        "action": action,
        "fields": sorted({change.field for change in changes}),
    }
    if event == "deal:moved":
        data["to"] = {
            change.field: change.new for change in changes if change.field in WHERE_A_DEAL_WENT
        }
    emit(Socket.GENERAL, event, data, account_room(account_id))


def announce_contacts(
    account_id: str | PydanticObjectId, action: str, ids: Sequence[PydanticObjectId]
) -> None:
    """One event for a change to many contacts: `{"action": "tagged", "count": 3, "ids": [...]}`
    (`ids` left out past MAX_IDS_IN_A_SUMMARY)."""
    if not ids:
        return
    data: dict[str, Any] = {"action": action, "count": len(ids)}
    if len(ids) <= MAX_IDS_IN_A_SUMMARY:
        data["ids"] = [str(entity_id) for entity_id in ids]
    emit(Socket.GENERAL, CONTACTS_CHANGED, data, account_room(account_id))
