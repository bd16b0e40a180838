"""What a message does in a support conversation: who it is from, the wait for an answer, the
conversation opened again, and who is told."""

from datetime import timedelta

from shared.domain.messages.posting import announce_message, append_message
from shared.domain.messages.repository import take_seat
from shared.models.base import utc_now
from shared.models.conversation import Conversation, SupportStatus
from shared.models.conversation_message import MessageStatus, SenderType, Side
from shared.models.membership import Role
from tests.factories import create_signed_in
from tests.shared.domain.held import platform_messages
from tests.support_factories import conversation_of, create_support, support_changes

NOTIFY = "support_notification.notify"


async def post(conversation, sender, body="Hello", sender_type=SenderType.USER):
    message, _ = await append_message(conversation, sender_type, sender, body)
    await announce_message(conversation, message)
    return message


def jobs_named(outbox, name):
    return [job for job in outbox.jobs if job.name == name]


async def test_a_customers_message_is_stamped_sent_from_the_customer(outbox):
    support = await create_support()
    conversation = await conversation_of(support)

    message = await post(conversation, str(support.customer.user.id))

    assert message.delivery.sender_side is Side.CUSTOMER
    assert message.delivery.status is MessageStatus.SENT


async def test_a_teammates_message_is_from_the_support_side(outbox):
    support = await create_support()
    conversation = await conversation_of(support)

    message = await post(conversation, str(support.agent.user.id))

    assert message.delivery.sender_side is Side.SUPPORT


async def test_an_agency_owner_acting_in_the_client_is_on_the_team(outbox):
    support = await create_support(agent_role=Role.OWNER)
    conversation = await conversation_of(support)

    message = await post(conversation, str(support.agent.user.id))

    assert message.delivery.sender_side is Side.SUPPORT


async def test_a_customers_message_starts_the_wait_and_asks_to_tell_the_team(outbox):
    support = await create_support()
    conversation = await conversation_of(support)

    message = await post(conversation, str(support.customer.user.id))

    stored = await Conversation.get(conversation.id)
    assert stored.support.awaiting_reply_since == message.created_at
    [job] = jobs_named(outbox, NOTIFY)
    assert job.task_id == f"support_notification:{message.id}"
    assert job.kwargs == {"conversation_id": str(conversation.id), "message_id": str(message.id)}


async def test_the_wait_counts_from_the_first_unanswered_message(outbox):
    support = await create_support()
    conversation = await conversation_of(support)
    first = await post(conversation, str(support.customer.user.id), "Hello?")

    await post(conversation, str(support.customer.user.id), "Anyone?")

    stored = await Conversation.get(conversation.id)
    assert stored.support.awaiting_reply_since == first.created_at


async def test_a_customers_message_opens_a_resolved_conversation_again(outbox):
    support = await create_support()
    conversation = await conversation_of(
        support, status=SupportStatus.RESOLVED, resolved_at=utc_now()
    )

    await post(conversation, str(support.customer.user.id), "It broke again")

    stored = await Conversation.get(conversation.id)
    assert (stored.support.status, stored.support.resolved_at) == (SupportStatus.OPEN, None)
    assert "reopened" in support_changes(outbox)


async def test_a_customers_message_ends_a_snooze(outbox):
    support = await create_support()
    later = utc_now() + timedelta(days=1)
    conversation = await conversation_of(
        support, status=SupportStatus.SNOOZED, snoozed_until=later, snooze_time_zone="Europe/Paris"
    )

    await post(conversation, str(support.customer.user.id))

    stored = await Conversation.get(conversation.id)
    assert stored.support.status is SupportStatus.OPEN
    assert (stored.support.snoozed_until, stored.support.snooze_time_zone) == (None, None)


async def test_a_teammates_answer_ends_the_wait_and_tells_the_customers(outbox):
    support = await create_support()
    conversation = await conversation_of(support)
    await post(conversation, str(support.customer.user.id), "Help")
    outbox.jobs.clear()

    await post(conversation, str(support.agent.user.id), "On it")

    stored = await Conversation.get(conversation.id)
    assert (stored.support.awaiting_reply_since, stored.support.overdue_since) == (None, None)
    assert platform_messages(outbox) == [
        ("new_message", "email", str(support.customer.user.id)),
        ("new_message", "push", str(support.customer.user.id)),
    ]
    assert jobs_named(outbox, NOTIFY) == []


async def test_the_customers_told_leave_out_the_agencys_owners_who_opened_it(outbox):
    support = await create_support()
    owner = await create_signed_in(support.agency, Role.OWNER)  # a user of the client too
    conversation = await conversation_of(support)
    await take_seat(conversation, str(owner.user.id))

    await post(conversation, str(support.agent.user.id), "On it")

    told = {user for _, _, user in platform_messages(outbox)}
    assert told == {str(support.customer.user.id)}


async def test_the_bots_answer_neither_ends_the_wait_nor_tells_anyone(outbox):
    support = await create_support()
    conversation = await conversation_of(support)
    await post(conversation, str(support.customer.user.id), "Help")
    outbox.jobs.clear()

    bot = await post(conversation, "support-bot", "Thanks!", SenderType.SYSTEM)

    stored = await Conversation.get(conversation.id)
    assert bot.delivery.sender_side is Side.SUPPORT
    assert stored.support.awaiting_reply_since is not None
    assert outbox.jobs == [job for job in outbox.jobs if job.name == "hooks.dispatch"]
