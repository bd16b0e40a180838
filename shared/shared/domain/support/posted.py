"""What a new message does in a support conversation, called by the message write path
(`shared.domain.messages.posting.announce_message`) once it is stored:

- a customer's message opens the conversation again if it was snoozed or resolved, starts the
  wait for an answer (kept from the first unanswered message) and has the assignee, or the
  team, told (a `support_notification.notify` job, keyed by the message);
- a teammate's message answers: the wait ends, and the customers following are told;
- the bot's first answer neither: the customer still waits for a person.
"""

from shared.domain.support import events, inbox, repository
from shared.domain.support.notices import tell_customers
from shared.models.conversation import Conversation
from shared.models.conversation_message import ConversationMessage, SenderType, Side
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import SUPPORT_NOTIFICATION_NOTIFY


async def message_posted(conversation: Conversation, message: ConversationMessage) -> None:
    assert message.delivery is not None, "a support conversation's message"
    if message.delivery.sender_side is Side.CUSTOMER:
        await customer_wrote(conversation, message)
    elif message.sender_type is SenderType.USER:
        await team_answered(conversation, message)


async def customer_wrote(conversation: Conversation, message: ConversationMessage) -> None:
    await inbox.reopen(conversation)
    since = {"awaiting_reply_since": message.created_at, "overdue_since": None}
    if await repository.change_state(conversation, since, {"awaiting_reply_since": None}):
        events.announce(conversation, "waiting")
    enqueue_job(
        SUPPORT_NOTIFICATION_NOTIFY,
        task_id=f"support_notification:{message.id}",
        conversation_id=str(conversation.id),
        message_id=str(message.id),
    )


async def team_answered(conversation: Conversation, message: ConversationMessage) -> None:
    answered = {"awaiting_reply_since": None, "overdue_since": None}
    if await repository.change_state(
        conversation, answered, {"awaiting_reply_since": {"$ne": None}}
    ):
        events.announce(conversation, "answered")
    await tell_customers(conversation, message)
