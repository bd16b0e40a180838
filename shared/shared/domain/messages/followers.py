"""Telling a conversation's followers of a new message (`new_message`, by email and push) while
they are offline: its participants and everyone who has a place in it (who opened it once),
but the sender; a visitor's conversation nobody on the team has opened yet is followed by the
account's members, so a website visitor is never left unheard. Whether each follower is online
is read when the message goes out, not here (see the event's `unless_online`)."""

from beanie import PydanticObjectId

from shared.domain.accounts import repository as accounts
from shared.domain.accounts.users import users_among
from shared.domain.messages import repository
from shared.domain.notifications import dashboard_paths
from shared.domain.notifications.platform import tell
from shared.models.conversation import PREVIEW_LENGTH, Conversation, ConversationKind
from shared.models.conversation_message import ConversationMessage, SenderType
from shared.utilities.repository import object_id


async def tell_followers(conversation: Conversation, message: ConversationMessage) -> None:
    if message.sender_type is SenderType.SYSTEM:
        return
    sender = object_id(message.sender_id)
    followers = [user_id for user_id in await followers_of(conversation) if user_id != sender]
    if not followers:
        return
    await tell(
        "new_message",
        conversation.account_id,
        {"sender_name": await sender_name(message), "preview": message.body[:PREVIEW_LENGTH]},
        user_ids=sorted(followers),
        links={"conversation_url": dashboard_paths.conversation(conversation.id)},
        key=str(message.id),
    )


async def followers_of(conversation: Conversation) -> set[PydanticObjectId]:
    assert conversation.id is not None, "a stored conversation"
    seated = [object_id(holder) for holder in await repository.seat_holders(conversation.id)]
    named = {*conversation.participant_ids, *(oid for oid in seated if oid)}
    followers = await users_among(conversation.account_id, named)
    if not followers and conversation.kind is ConversationKind.PROSPECT:
        return set(await accounts.member_ids(conversation.account_id))
    return followers


async def sender_name(message: ConversationMessage) -> str:
    if message.sender_type is SenderType.USER:
        user_id = object_id(message.sender_id)
        user = await accounts.user(user_id) if user_id else None
        return user.name if user else ""
    prospect = await repository.prospect(message.sender_id)
    return prospect.name if prospect and prospect.name else "A visitor"
