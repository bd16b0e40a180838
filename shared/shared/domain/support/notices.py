"""The platform messages support conversations send (`shared.domain.notifications.platform`),
by email and push, each unless its user turned it off, keyed by what it is about so a message
asked for twice (a retried task) is sent once:

- `support_message`: a customer's new message, to the assignee, or to the whole team while
  nobody (still on the team) is assigned; not to one who is online, who sees it live;
- `support_waiting`: a wait for an answer gone on too long, to the same people;
- `new_message`: a teammate's answer, to the customers who follow the conversation (who wrote
  in it or opened it), unless online; its push confirmed on a customer's device moves the
  answer to delivered (`statuses.delivered_by_notification`).
"""

from datetime import datetime

from beanie import PydanticObjectId

from shared.domain.accounts import repository as accounts
from shared.domain.accounts.users import users_among
from shared.domain.messages import repository as messages
from shared.domain.messages.followers import sender_name
from shared.domain.notifications import dashboard_paths
from shared.domain.notifications.platform import tell
from shared.domain.support.statuses import notification_data
from shared.models.conversation import PREVIEW_LENGTH, Conversation
from shared.models.conversation_message import ConversationMessage
from shared.utilities.repository import object_id


def links_of(conversation: Conversation) -> dict[str, str]:
    return {"conversation_url": dashboard_paths.support_conversation(conversation.id)}


async def team_to_tell(conversation: Conversation) -> list[PydanticObjectId]:
    assert conversation.support is not None and conversation.support_account_id is not None
    team = conversation.support_account_id
    assignee = conversation.support.assignee_id
    if assignee and assignee in await users_among(team, [assignee]):
        return [assignee]
    return sorted(await accounts.member_ids(team))


async def about(conversation: Conversation) -> dict[str, str]:
    """What every message to the team says of the conversation."""
    account = await accounts.account(conversation.account_id)
    return {"account_name": account.name if account else "", "subject": conversation.title}


async def tell_team_of_message(conversation: Conversation, message: ConversationMessage) -> None:
    data = {
        **await about(conversation),
        "sender_name": await sender_name(message),
        "preview": message.body[:PREVIEW_LENGTH],
    }
    await tell(
        "support_message",
        conversation.support_account_id,
        data,
        user_ids=await team_to_tell(conversation),
        links=links_of(conversation),
        key=str(message.id),
    )


async def tell_team_of_wait(conversation: Conversation, now: datetime) -> None:
    assert conversation.support is not None and conversation.support.awaiting_reply_since
    since = conversation.support.awaiting_reply_since
    waited = int((now - since).total_seconds() // 60)
    await tell(
        "support_waiting",
        conversation.support_account_id,
        {**await about(conversation), "waiting_minutes": str(waited)},
        user_ids=await team_to_tell(conversation),
        links=links_of(conversation),
        key=f"{conversation.id}:{since.isoformat()}",
    )


async def customers_of(conversation: Conversation) -> set[PydanticObjectId]:
    """The supported account's users who opened the conversation or have a place in it, but
    those who are on the team too (an agency's owners, users of its sub-accounts as well)."""
    assert conversation.id is not None and conversation.support_account_id is not None
    seated = [object_id(holder) for holder in await messages.seat_holders(conversation.id)]
    named = {oid for oid in (*seated, object_id(conversation.created_by)) if oid}
    customers = await users_among(conversation.account_id, named)
    return customers - await users_among(conversation.support_account_id, customers)


async def tell_customers(conversation: Conversation, message: ConversationMessage) -> None:
    recipients = await customers_of(conversation)
    if not recipients:
        return
    await tell(
        "new_message",
        conversation.account_id,
        {
            "sender_name": await sender_name(message),
            "preview": message.body[:PREVIEW_LENGTH],
            # The push's delivery to a customer counts as their receipt (`statuses`).
            **notification_data(conversation, message),
        },
        user_ids=sorted(recipients),
        links=links_of(conversation),
        key=str(message.id),
    )
