"""Support messages' delivery status, moved forward by receipts: a participant's client saying
it received messages (`message:delivered`) or read them (`message:read`, or the REST read
pointer) moves the status of the other side's messages up to that one, never back. A push
telling a customer of the team's answer (`new_message`, carrying the conversation's and the
message's ids) that the notification service confirms reached their device counts as that
customer's delivery receipt (`delivered_by_notification`).

The receipt asks for a `support_message_status.record` job (QM_SUPPORT_MESSAGE_STATUS), keyed
by the message, reader and status; the job updates only the messages still behind, so a
retried job, or a receipt for an older message, changes nothing and announces nothing. What
moved is told to the conversation's room as `support:message_status`.
"""

from shared.domain.support import repository
from shared.domain.support.sides import other, reader_side
from shared.models.base import utc_now
from shared.models.conversation import Conversation, ConversationKind
from shared.models.conversation_message import ConversationMessage, MessageStatus
from shared.models.conversation_room import Pointer
from shared.utilities.outbox import emit, enqueue_job
from shared.utilities.realtime import Socket, conversation_room
from shared.utilities.task_names import SUPPORT_MESSAGE_STATUS_RECORD

STATUS_EVENT = "support:message_status"
RECEIPTS: dict[Pointer, MessageStatus] = {
    "last_delivered_message_id": MessageStatus.DELIVERED,
    "last_read_message_id": MessageStatus.READ,
}
# What a notification about a message carries, for its delivery to stand for a receipt.
CONVERSATION_KEY, MESSAGE_KEY = "support_conversation_id", "support_message_id"


def track_receipt(
    conversation: Conversation, reader_id: str, pointer: Pointer, message: ConversationMessage
) -> None:
    """Ask for the status of the messages up to this one to follow the reader's receipt (in a
    support conversation; the others keep no status)."""
    if conversation.kind is ConversationKind.SUPPORT:
        ask_to_record(str(conversation.id), reader_id, str(message.id), RECEIPTS[pointer])


def notification_data(conversation: Conversation, message: ConversationMessage) -> dict[str, str]:
    return {CONVERSATION_KEY: str(conversation.id), MESSAGE_KEY: str(message.id)}


def delivered_by_notification(user_id: str, data: dict[str, str]) -> None:
    """A notification of the platform's reached the user: if it was about a support message
    (`notification_data`), the user received it."""
    conversation_id, message_id = data.get(CONVERSATION_KEY), data.get(MESSAGE_KEY)
    if conversation_id and message_id:
        ask_to_record(conversation_id, user_id, message_id, MessageStatus.DELIVERED)


def ask_to_record(
    conversation_id: str, reader_id: str, message_id: str, status: MessageStatus
) -> None:
    enqueue_job(
        SUPPORT_MESSAGE_STATUS_RECORD,
        task_id=f"support_message_status:{message_id}:{reader_id}:{status}",
        conversation_id=conversation_id,
        reader_id=reader_id,
        message_id=message_id,
        status=status.value,
    )


async def record(conversation_id: str, reader_id: str, message_id: str, status: str) -> int:
    """Move the other side's messages up to `message_id` to `status`; how many moved."""
    conversation = await repository.support_conversation(conversation_id)
    if conversation is None:
        return 0
    up_to = await repository.message(conversation.id, message_id)
    if up_to is None:
        return 0
    side = await reader_side(conversation, reader_id)
    if side is None:
        return 0
    wanted = MessageStatus(status)
    moved = await repository.advance_status(
        conversation.id, other(side), up_to.id, wanted, utc_now()
    )
    if moved:
        notice = {
            "conversation_id": conversation_id,
            "status": wanted.value,
            "message_ids": [str(moved_id) for moved_id in moved],
            "by": reader_id,
        }
        emit(Socket.CONVERSATION, STATUS_EVENT, notice, conversation_room(conversation.id))
    return len(moved)
