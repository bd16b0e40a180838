"""Every query the conversations domain makes: conversations, messages, participants' seats
(their read and delivered pointers) and prospects."""

from contextlib import suppress
from typing import Any

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.models.base import utc_now
from shared.models.conversation import Conversation, LastMessage
from shared.models.conversation_message import ConversationMessage
from shared.models.conversation_prospect import ConversationProspect
from shared.models.conversation_room import ConversationRoom, Pointer
from shared.utilities.repository import object_id


async def conversation(filters: dict[str, Any]) -> Conversation | None:
    return await Conversation.find_one(filters)


async def conversation_by_key(unique_key: str) -> Conversation | None:
    return await Conversation.find_one({"unique_key": unique_key})


async def message_by_dedupe_key(key: str) -> ConversationMessage | None:
    return await ConversationMessage.find_one({"dedupe_key": key})


async def message_in(
    conversation_id: PydanticObjectId, message_id: PydanticObjectId
) -> ConversationMessage | None:
    return await ConversationMessage.find_one(
        {"_id": message_id, "conversation_id": conversation_id}
    )


async def move_last_message(conversation_id: PydanticObjectId, last: LastMessage) -> None:
    """Set the conversation's last message unless a newer one is already there."""
    older = {"$or": [{"last_message": None}, {"last_message.id": {"$lt": last.id}}]}
    await Conversation.get_motor_collection().update_one(
        {"_id": conversation_id, **older},
        {
            "$set": {
                "last_message": last.model_dump(),
                "last_activity_at": last.created_at,
                "updated_at": utc_now(),
            }
        },
    )


async def count_unread(
    conversation_id: PydanticObjectId, reader_id: str, after: PydanticObjectId | None
) -> int:
    """Messages from others after `after` (every one from others without it)."""
    filters: dict[str, Any] = {"conversation_id": conversation_id, "sender_id": {"$ne": reader_id}}
    if after:
        filters["_id"] = {"$gt": after}
    return await ConversationMessage.find(filters).count()


async def take_seat(conversation: Conversation, participant_id: str) -> dict[str, Any]:
    """The participant's seat in the conversation, made on first use; returns its key."""
    seat = {"conversation_id": conversation.id, "participant_id": participant_id}
    now = utc_now()
    on_insert = {**seat, "account_id": conversation.account_id, "created_at": now}
    # A concurrent first use may make it at the same moment.
    with suppress(DuplicateKeyError):
        await ConversationRoom.get_motor_collection().update_one(
            seat, {"$setOnInsert": {**on_insert, "updated_at": now}}, upsert=True
        )
    return seat


async def move_pointer(
    seat: dict[str, Any], pointer: Pointer, message_id: PydanticObjectId
) -> bool:
    """Move the seat's pointer to the message if it is further on; True if it moved."""
    behind = {"$or": [{pointer: None}, {pointer: {"$lt": message_id}}]}
    at = pointer.replace("_message_id", "_at")
    now = utc_now()
    result = await ConversationRoom.get_motor_collection().update_one(
        {**seat, **behind}, {"$set": {pointer: message_id, at: now, "updated_at": now}}
    )
    return result.modified_count == 1


async def seats_of(
    participant_id: str, conversation_ids: list[PydanticObjectId]
) -> list[ConversationRoom]:
    return await ConversationRoom.find(
        {"conversation_id": {"$in": conversation_ids}, "participant_id": participant_id}
    ).to_list()


async def prospect_by_visitor(
    account_id: PydanticObjectId, visitor_id: str
) -> ConversationProspect | None:
    return await ConversationProspect.find_one({"account_id": account_id, "visitor_id": visitor_id})


async def retitle(unique_key: str, title: str) -> None:
    await Conversation.find_one({"unique_key": unique_key}).update(
        {"$set": {"title": title, "updated_at": utc_now()}}
    )


async def seat_holders(conversation_id: PydanticObjectId) -> list[str]:
    """Everyone with a place in the conversation (users and prospects alike)."""
    rooms = ConversationRoom.find({"conversation_id": conversation_id})
    return [room.participant_id async for room in rooms]


async def prospect(prospect_id: str) -> ConversationProspect | None:
    oid = object_id(prospect_id)
    return await ConversationProspect.get(oid) if oid else None
