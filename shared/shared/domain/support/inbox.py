"""A support conversation's place in the inbox, changed by the team (assign, snooze) or by
either side (resolve, reopen); a customer's new message and a snooze come due open it again
(`posted`, `due`). Each change is a conditional update, announced when it changed something
(`events.announce`)."""

from datetime import datetime

from beanie import PydanticObjectId

from shared.domain.support import events, repository
from shared.models.base import utc_now
from shared.models.conversation import Conversation, SupportStatus

# What opening a conversation again clears.
REOPENED = {
    "status": SupportStatus.OPEN,
    "snoozed_until": None,
    "snooze_time_zone": None,
    "resolved_at": None,
}


async def assign(conversation: Conversation, assignee_id: PydanticObjectId | None) -> None:
    """To a user of the supporting account (checked by the caller), or to nobody."""
    if await repository.change_state(conversation, {"assignee_id": assignee_id}):
        events.announce(conversation, "assigned")


async def snooze(conversation: Conversation, until: datetime, time_zone: str) -> None:
    """Out of the open inbox until `until` (UTC), the zone it was meant in kept beside."""
    changes = {
        "status": SupportStatus.SNOOZED,
        "snoozed_until": until,
        "snooze_time_zone": time_zone,
        "resolved_at": None,
    }
    if await repository.change_state(conversation, changes):
        events.announce(conversation, "snoozed")


async def resolve(conversation: Conversation) -> None:
    """Done: nothing waits for an answer any more (a new message from the customer opens it
    again)."""
    changes = {
        "status": SupportStatus.RESOLVED,
        "resolved_at": utc_now(),
        "snoozed_until": None,
        "snooze_time_zone": None,
        "awaiting_reply_since": None,
        "overdue_since": None,
    }
    unresolved = {"status": {"$ne": SupportStatus.RESOLVED}}
    if await repository.change_state(conversation, changes, unresolved):
        events.announce(conversation, "resolved")


async def reopen(conversation: Conversation) -> bool:
    """Open again, if it was snoozed or resolved; whether it was."""
    not_open = {"status": {"$ne": SupportStatus.OPEN}}
    reopened = await repository.change_state(conversation, REOPENED, not_open)
    if reopened:
        events.announce(conversation, "reopened")
    return reopened


async def wake(conversation: Conversation) -> bool:
    """Open again the conversation whose snooze, as it was read, has come due; whether this
    call did (a second run, or a snooze moved meanwhile, changes nothing)."""
    assert conversation.support is not None, "a support conversation"
    as_read = {"status": SupportStatus.SNOOZED, "snoozed_until": conversation.support.snoozed_until}
    woken = await repository.change_state(conversation, REOPENED, as_read)
    if woken:
        events.announce(conversation, "reopened")
    return woken
