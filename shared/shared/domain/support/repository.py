"""Every query of the support domain. A conversation's support state changes by conditional
updates (`change_state`): the change is made only while the state is still as expected, so two
writers at once, or a task retried, change it once."""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from beanie import PydanticObjectId

from shared.models.base import utc_now
from shared.models.conversation import Conversation, ConversationKind, SupportStatus
from shared.models.conversation_message import ConversationMessage, MessageStatus, Side
from shared.utilities.repository import object_id

# A status moves only forward: each is reached from those before it.
EARLIER = {
    MessageStatus.DELIVERED: [MessageStatus.SENT],
    MessageStatus.READ: [MessageStatus.SENT, MessageStatus.DELIVERED],
}


def in_state(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {f"support.{name}": value for name, value in fields.items()}


async def support_conversation(conversation_id: str) -> Conversation | None:
    oid = object_id(conversation_id)
    if oid is None:
        return None
    return await Conversation.find_one({"_id": oid, "kind": ConversationKind.SUPPORT})


async def change_state(
    conversation: Conversation,
    changes: Mapping[str, Any],
    expected: Mapping[str, Any] | None = None,
) -> bool:
    """Set `changes` (fields of its `SupportState`) on the conversation while its state
    matches `expected` (fields to values or query operators); True if it changed, and then the
    conversation in hand holds the new state."""
    assert conversation.support is not None, "a support conversation"
    filters = {"_id": conversation.id, **in_state(expected or {})}
    result = await Conversation.get_motor_collection().update_one(
        filters, {"$set": {**in_state(changes), "updated_at": utc_now()}}
    )
    if result.modified_count != 1:
        return False
    conversation.support = conversation.support.model_copy(update=dict(changes))
    return True


async def snoozes_due(now: datetime, limit: int) -> list[Conversation]:
    query = Conversation.find(
        {"support.status": SupportStatus.SNOOZED, "support.snoozed_until": {"$lte": now}}
    )
    return await query.sort("support.snoozed_until").limit(limit).to_list()


async def waiting_since_before(moment: datetime, limit: int) -> list[Conversation]:
    """Open conversations whose customer has waited for an answer since before `moment`, and
    whose team has not been told of it yet."""
    query = Conversation.find(
        {
            "support.awaiting_reply_since": {"$lte": moment},
            "support.overdue_since": None,
            "support.status": SupportStatus.OPEN,
        }
    )
    return await query.sort("support.awaiting_reply_since").limit(limit).to_list()


async def message(conversation_id: PydanticObjectId, message_id: str) -> ConversationMessage | None:
    oid = object_id(message_id)
    if oid is None:
        return None
    return await ConversationMessage.find_one({"_id": oid, "conversation_id": conversation_id})


async def advance_status(
    conversation_id: PydanticObjectId,
    sender_side: Side,
    up_to: PydanticObjectId,
    status: MessageStatus,
    now: datetime,
) -> list[PydanticObjectId]:
    """Move the status of the side's messages up to `up_to` (included) to `status` where it is
    behind; the ids of the messages moved."""
    behind = {
        "conversation_id": conversation_id,
        "_id": {"$lte": up_to},
        "delivery.sender_side": sender_side,
        "delivery.status": {"$in": EARLIER[status]},
    }
    collection = ConversationMessage.get_motor_collection()
    ids = await collection.distinct("_id", behind)
    if not ids:
        return []
    moved = {"delivery.status": status, "updated_at": now}
    if status is MessageStatus.READ:
        moved["delivery.read_at"] = now
    result = await collection.update_many({**behind, "_id": {"$in": ids}}, {"$set": moved})
    if result.modified_count == 0:  # moved by a receipt handled at the same moment
        return []
    # Read implies delivered: when it was first delivered, if not told before.
    await collection.update_many(
        {"_id": {"$in": ids}, "delivery.delivered_at": None},
        {"$set": {"delivery.delivered_at": now}},
    )
    return sorted(ids)
