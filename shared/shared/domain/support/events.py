"""A support conversation's state told live, on the conversation socket, to the rooms of both
accounts that read it (the supported account and the supporting one): every dashboard showing
either inbox updates without polling. Ids and the state only; the conversation is read over
the API."""

from typing import Any

from shared.models.conversation import Conversation
from shared.utilities.outbox import emit
from shared.utilities.realtime import Socket, account_room

UPDATED = "support:updated"


def state_event(conversation: Conversation, change: str) -> dict[str, Any]:
    assert conversation.support is not None, "a support conversation"
    return {
        "conversation_id": str(conversation.id),
        "account_id": str(conversation.account_id),
        "support_account_id": str(conversation.support_account_id),
        "change": change,
        "support": conversation.support.model_dump(mode="json"),
    }


def announce(conversation: Conversation, change: str) -> None:
    """`change` says what happened: opened, assigned, snoozed, resolved, reopened, waiting,
    answered, overdue."""
    event = state_event(conversation, change)
    for account_id in (conversation.account_id, conversation.support_account_id):
        emit(Socket.CONVERSATION, UPDATED, event, account_room(account_id))
