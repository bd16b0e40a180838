"""Who may read a conversation, and opening the kinds that exist once per key.

`visible_to` is the one place the reading rule is written: the REST API and the conversation
socket both filter with it, so another account's conversation is never found, exactly like a
missing one.
"""

from typing import Any

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.domain.messages import repository
from shared.models.conversation import (
    ACCOUNT_WIDE_KINDS,
    PARTICIPANT_KINDS,
    Conversation,
    ConversationKind,
)
from shared.utilities.auth import Principal
from shared.utilities.errors import NotFound
from shared.utilities.repository import object_id


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
            {"account_id": account, "kind": ConversationKind.SUPPORT},
            {"support_account_id": account, "kind": ConversationKind.SUPPORT},
        ]
    }


async def find_visible(conversation_id: str, user_id: str, account_id: str) -> Conversation | None:
    """The conversation if the user acting in the account may read it; None for a missing id,
    a malformed one and another account's alike."""
    oid = object_id(conversation_id)
    if oid is None:
        return None
    return await repository.conversation({"_id": oid, **visible_to(user_id, account_id)})


def direct_key(account_id: str, *user_ids: str) -> str:
    return f"direct:{account_id}:{':'.join(sorted(user_ids))}"


def prospect_key(prospect_id: Any) -> str:
    return f"prospect:{prospect_id}"


async def open_once(unique_key: str, **fields: Any) -> tuple[Conversation, bool]:
    """The conversation with this key, made from `fields` when there is none yet; and whether
    this call made it."""
    if existing := await repository.conversation_by_key(unique_key):
        return existing, False
    try:
        return await Conversation(unique_key=unique_key, **fields).insert(), True
    except DuplicateKeyError:  # opened by someone else at the same moment
        opened = await repository.conversation_by_key(unique_key)
        assert opened is not None, "a duplicate key means it is stored"
        return opened, False


async def visible_conversation(principal: Principal, conversation_id: str) -> Conversation:
    """The conversation the caller may read; NotFound for any other, as for a missing one."""
    found = await find_visible(conversation_id, principal.sub, principal.account_id)
    if found is None:
        raise NotFound(f"Conversation {conversation_id} does not exist.")
    return found
