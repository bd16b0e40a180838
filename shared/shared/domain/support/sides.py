"""Who a support conversation's message is from: the supporting team (a user of the supporting
account, or its bot) or the customer (anyone else who may read it: the supported account's
users). An agency's owners and admins are users of its sub-accounts as well, and count as the
team in their agency's support conversations."""

from shared.domain.accounts.users import users_among
from shared.models.conversation import Conversation, ConversationKind
from shared.models.conversation_message import MessageDelivery, SenderType, Side
from shared.utilities.repository import object_id


async def side_of(conversation: Conversation, sender_type: SenderType, sender_id: str) -> Side:
    assert conversation.support_account_id is not None, "a support conversation"
    if sender_type is SenderType.SYSTEM:
        return Side.SUPPORT
    user_id = object_id(sender_id)
    team = await users_among(conversation.support_account_id, [user_id]) if user_id else set()
    return Side.SUPPORT if user_id in team else Side.CUSTOMER


async def reader_side(conversation: Conversation, reader_id: str) -> Side | None:
    """The side of a user who may read the conversation; None for anyone else (a receipt
    claimed for another tenant's conversation moves nothing)."""
    assert conversation.support_account_id is not None, "a support conversation"
    user_id = object_id(reader_id)
    if user_id is None:
        return None
    if user_id in await users_among(conversation.support_account_id, [user_id]):
        return Side.SUPPORT
    if user_id in await users_among(conversation.account_id, [user_id]):
        return Side.CUSTOMER
    return None


def other(side: Side) -> Side:
    return Side.CUSTOMER if side is Side.SUPPORT else Side.SUPPORT


async def delivery_for(
    conversation: Conversation, sender_type: SenderType, sender_id: str
) -> MessageDelivery | None:
    """A new message's delivery status: sent, from its sender's side; None outside support
    conversations, where no status is kept."""
    if conversation.kind is not ConversationKind.SUPPORT:
        return None
    return MessageDelivery(sender_side=await side_of(conversation, sender_type, sender_id))
