"""A conversation: one thread of messages, of one of five kinds.

- `channel`: a team channel of an account; every user of the account may read it.
- `group`: a named group of users of an account; its participants read it.
- `direct`: two users of an account; its participants read it.
- `client`: between an agency and one of its sub-accounts (`account_id` is the sub-account,
  `agency_account_id` its agency); users acting in either account read it.
- `prospect`: a website visitor (`prospect_id`) and the account's team.

Who may see a conversation is decided by `visible_to`, the one place that rule is written: both
the REST API and the conversation socket filter with it, so another account's conversation is
never found, exactly like a missing one.
"""

from datetime import datetime
from enum import StrEnum
from typing import Any

from beanie import PydanticObjectId
from bson.errors import InvalidId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel
from pymongo.errors import DuplicateKeyError

from shared.models.base import TenantDocument


class ConversationKind(StrEnum):
    CHANNEL = "channel"
    GROUP = "group"
    DIRECT = "direct"
    CLIENT = "client"
    PROSPECT = "prospect"


# Kinds every user of the owning account reads; the others list their readers.
ACCOUNT_WIDE_KINDS = [ConversationKind.CHANNEL, ConversationKind.PROSPECT]
PARTICIPANT_KINDS = [ConversationKind.GROUP, ConversationKind.DIRECT]


class LastMessage(BaseModel):
    """The newest message, kept on the conversation so a list needs no second query."""

    id: PydanticObjectId
    sender_id: str
    body: str  # a preview, cut to PREVIEW_LENGTH
    created_at: datetime


PREVIEW_LENGTH = 200


class Conversation(TenantDocument):
    kind: ConversationKind
    title: str = ""  # a channel's or group's name; empty for the other kinds
    # The users who read a group or direct conversation.
    participant_ids: list[PydanticObjectId] = []
    agency_account_id: PydanticObjectId | None = None  # client conversations
    prospect_id: PydanticObjectId | None = None  # prospect conversations
    # Set on the kinds that exist once per key (see `open_once`): two users have one direct
    # conversation, a prospect one conversation, however often either is opened.
    unique_key: str | None = None
    created_by: str | None = None
    last_message: LastMessage | None = None
    # Lists sort on this; a new conversation sorts by its creation until its first message.
    last_activity_at: datetime | None = None

    class Settings:
        name = "conversations"
        use_state_management = True
        keep_nulls = False  # so the sparse unique index holds only keyed conversations
        indexes = [
            IndexModel(
                [("account_id", ASCENDING), ("kind", ASCENDING), ("last_activity_at", DESCENDING)]
            ),
            IndexModel([("participant_ids", ASCENDING), ("last_activity_at", DESCENDING)]),
            IndexModel([("agency_account_id", ASCENDING), ("last_activity_at", DESCENDING)]),
            IndexModel([("account_id", ASCENDING), ("prospect_id", ASCENDING)]),
            IndexModel([("unique_key", ASCENDING)], unique=True, sparse=True),
        ]


def visible_to(user_id: str, account_id: str) -> dict[str, Any]:
    """The filter for the conversations a user acting in an account may read."""
    account = PydanticObjectId(account_id)
    return {
        "$or": [
            {"account_id": account, "kind": {"$in": ACCOUNT_WIDE_KINDS}},
            {
                "account_id": account,
                "kind": {"$in": PARTICIPANT_KINDS},
                "participant_ids": PydanticObjectId(user_id),
            },
            {"account_id": account, "kind": ConversationKind.CLIENT},
            {"agency_account_id": account, "kind": ConversationKind.CLIENT},
        ]
    }


async def find_visible(conversation_id: str, user_id: str, account_id: str) -> Conversation | None:
    """The conversation if the user acting in the account may read it; None for a missing id,
    a malformed one and another account's alike."""
    try:
        oid = PydanticObjectId(conversation_id)
    except (InvalidId, TypeError):
        return None
    return await Conversation.find_one({"_id": oid, **visible_to(user_id, account_id)})


def direct_key(account_id: str, *user_ids: str) -> str:
    return f"direct:{account_id}:{':'.join(sorted(user_ids))}"


def prospect_key(prospect_id: Any) -> str:
    return f"prospect:{prospect_id}"


async def open_once(unique_key: str, **fields: Any) -> tuple[Conversation, bool]:
    """The conversation with this key, made from `fields` when there is none yet; and whether
    this call made it."""
    if existing := await Conversation.find_one({"unique_key": unique_key}):
        return existing, False
    try:
        return await Conversation(unique_key=unique_key, **fields).insert(), True
    except DuplicateKeyError:  # opened by someone else at the same moment
        return await Conversation.find_one({"unique_key": unique_key}), False  # type: ignore[return-value]
