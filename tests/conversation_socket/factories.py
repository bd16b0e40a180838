"""Conversations and messages for tests of both the socket and the REST API."""

from shared.domain.messages.posting import append_message
from shared.models.account import Account
from shared.models.conversation import Conversation, ConversationKind
from shared.models.conversation_message import ConversationMessage, SenderType
from shared.models.user import User


async def create_conversation(
    account: Account, kind: ConversationKind = ConversationKind.CHANNEL, **overrides
) -> Conversation:
    """A team channel of the account unless overridden."""
    fields = {"account_id": account.id, "kind": kind, "title": "general"}
    return await Conversation(**{**fields, **overrides}).insert()


async def create_direct(account: Account, *users: User) -> Conversation:
    return await create_conversation(
        account, ConversationKind.DIRECT, title="", participant_ids=[user.id for user in users]
    )


async def create_message(
    conversation: Conversation, sender: User, body: str = "Hello"
) -> ConversationMessage:
    """Stored as both services store it (last message, the sender's read pointer)."""
    message, _ = await append_message(conversation, SenderType.USER, str(sender.id), body)
    return message
