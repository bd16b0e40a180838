"""Support messages' delivery status: a receipt asks for the status job (only in support
conversations), and the job moves the other side's messages forward, once."""

from shared.domain.messages import pointers
from shared.domain.messages.posting import append_message
from shared.domain.support.notices import tell_customers
from shared.domain.support.statuses import record
from shared.models.conversation_message import ConversationMessage, MessageStatus, SenderType
from tests.realtime_factories import create_channel
from tests.shared.domain.held import emitted
from tests.support_factories import conversation_of, create_support

RECORD = "support_message_status.record"


async def from_(conversation, who, body="Hello"):
    message, _ = await append_message(conversation, SenderType.USER, str(who.user.id), body)
    return message


async def status_of(message) -> tuple:
    stored = await ConversationMessage.get(message.id)
    return stored.delivery.status, stored.delivery.delivered_at, stored.delivery.read_at


async def test_a_receipt_in_a_support_conversation_asks_for_the_status_job(outbox):
    support = await create_support()
    conversation = await conversation_of(support)
    question = await from_(conversation, support.customer)
    reader = str(support.agent.user.id)

    await pointers.receive(conversation, reader, "last_delivered_message_id", question)

    [job] = [job for job in outbox.jobs if job.name == RECORD]
    assert job.task_id == f"support_message_status:{question.id}:{reader}:delivered"
    assert job.kwargs == {
        "conversation_id": str(conversation.id),
        "reader_id": reader,
        "message_id": str(question.id),
        "status": "delivered",
    }


async def test_a_receipt_elsewhere_asks_for_nothing(outbox):
    support = await create_support()
    channel = await create_channel(account_id=support.agency.id)
    message = await from_(channel, support.agent)

    await pointers.receive(channel, "someone", "last_read_message_id", message)

    assert [job for job in outbox.jobs if job.name == RECORD] == []
    assert (await ConversationMessage.get(message.id)).delivery is None


async def test_a_delivery_moves_the_other_sides_messages_up_to_it(outbox):
    support = await create_support()
    conversation = await conversation_of(support)
    first = await from_(conversation, support.customer, "one")
    second = await from_(conversation, support.customer, "two")
    later = await from_(conversation, support.customer, "three")

    moved = await record(
        str(conversation.id), str(support.agent.user.id), str(second.id), "delivered"
    )

    assert moved == 2
    for message in (first, second):
        status, delivered_at, read_at = await status_of(message)
        assert (status, read_at) == (MessageStatus.DELIVERED, None)
        assert delivered_at is not None
    assert (await status_of(later))[0] is MessageStatus.SENT
    [(event, notice)] = emitted(outbox)
    assert event == "support:message_status"
    assert notice["message_ids"] == [str(first.id), str(second.id)]
    assert notice["status"] == "delivered"


async def test_a_reader_leaves_their_own_sides_messages_as_they_are(outbox):
    support = await create_support()
    conversation = await conversation_of(support)
    own = await from_(conversation, support.customer)

    moved = await record(str(conversation.id), str(support.customer.user.id), str(own.id), "read")

    assert moved == 0
    assert (await status_of(own))[0] is MessageStatus.SENT
    assert emitted(outbox) == []


async def test_a_read_message_was_delivered_too(outbox):
    support = await create_support()
    conversation = await conversation_of(support)
    answer = await from_(conversation, support.agent)

    await record(str(conversation.id), str(support.customer.user.id), str(answer.id), "read")

    status, delivered_at, read_at = await status_of(answer)
    assert status is MessageStatus.READ
    assert delivered_at == read_at is not None


async def test_a_retried_job_changes_and_announces_nothing(outbox):
    support = await create_support()
    conversation = await conversation_of(support)
    answer = await from_(conversation, support.agent)
    args = (str(conversation.id), str(support.customer.user.id), str(answer.id), "read")
    await record(*args)
    before = await status_of(answer)
    outbox.emits.clear()

    moved = await record(*args)

    assert moved == 0
    assert await status_of(answer) == before
    assert emitted(outbox) == []


async def test_a_late_delivery_never_moves_a_read_message_back(outbox):
    support = await create_support()
    conversation = await conversation_of(support)
    answer = await from_(conversation, support.agent)
    reader = str(support.customer.user.id)
    await record(str(conversation.id), reader, str(answer.id), "read")

    moved = await record(str(conversation.id), reader, str(answer.id), "delivered")

    assert moved == 0
    assert (await status_of(answer))[0] is MessageStatus.READ


async def test_a_receipt_from_someone_who_may_not_read_the_conversation_moves_nothing(outbox):
    support = await create_support()
    stranger = await create_support()
    conversation = await conversation_of(support)
    answer = await from_(conversation, support.agent)

    moved = await record(
        str(conversation.id), str(stranger.customer.user.id), str(answer.id), "read"
    )

    assert moved == 0
    assert (await status_of(answer))[0] is MessageStatus.SENT


async def test_the_customers_notice_of_an_answer_carries_what_its_delivery_stands_for(outbox):
    support = await create_support()
    conversation = await conversation_of(support)
    answer = await from_(conversation, support.agent, "Fixed")

    await tell_customers(conversation, answer)

    data = outbox.jobs[0].kwargs["data"]
    assert (data["support_conversation_id"], data["support_message_id"]) == (
        str(conversation.id),
        str(answer.id),
    )
