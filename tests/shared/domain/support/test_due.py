"""The support crons' work: snoozes that came due open again, and waits gone on too long are
flagged and told, each once."""

from datetime import timedelta

from shared.domain.support.due import flag_waiting, reopen_due_snoozes
from shared.domain.support.inbox import wake
from shared.models.base import utc_now
from shared.models.conversation import Conversation, SupportStatus
from tests.factories import create_signed_in
from tests.shared.domain.held import platform_messages, recording
from tests.support_factories import conversation_of, create_support

WAIT = timedelta(minutes=60)


def snoozed(until) -> dict:
    return {"status": SupportStatus.SNOOZED, "snoozed_until": until, "snooze_time_zone": "UTC"}


async def test_a_snooze_that_came_due_opens_the_conversation_again_once(mongo):
    support = await create_support()
    conversation = await conversation_of(support, **snoozed(utc_now() - timedelta(minutes=1)))

    async with recording() as sent:
        first = await reopen_due_snoozes(utc_now(), 100)
        second = await reopen_due_snoozes(utc_now(), 100)

    stored = await Conversation.get(conversation.id)
    assert (first, second) == (1, 0)
    assert stored.support.status is SupportStatus.OPEN
    assert (stored.support.snoozed_until, stored.support.snooze_time_zone) == (None, None)
    changes = [emit.data["change"] for emit in sent.emits]
    assert changes == ["reopened", "reopened"]  # told once, to both accounts' rooms


async def test_a_snooze_still_to_come_stays(mongo):
    support = await create_support()
    conversation = await conversation_of(support, **snoozed(utc_now() + timedelta(hours=1)))

    async with recording():
        reopened = await reopen_due_snoozes(utc_now(), 100)

    assert reopened == 0
    assert (await Conversation.get(conversation.id)).support.status is SupportStatus.SNOOZED


async def test_a_snooze_moved_since_it_was_read_stands(outbox):
    support = await create_support()
    conversation = await conversation_of(support, **snoozed(utc_now() - timedelta(minutes=1)))
    as_read = await Conversation.get(conversation.id)
    later = utc_now() + timedelta(days=1)
    await Conversation.find_one({"_id": conversation.id}).update(
        {"$set": {"support.snoozed_until": later}}
    )

    woken = await wake(as_read)

    stored = await Conversation.get(conversation.id)
    assert woken is False
    assert (stored.support.status, stored.support.snoozed_until) == (SupportStatus.SNOOZED, later)


async def test_a_long_wait_is_flagged_and_told_to_the_assignee_once(mongo):
    support = await create_support()
    since = utc_now() - WAIT - timedelta(minutes=5)
    conversation = await conversation_of(
        support, awaiting_reply_since=since, assignee_id=support.agent.user.id
    )

    async with recording() as sent:
        first = await flag_waiting(utc_now(), WAIT, 100)
        second = await flag_waiting(utc_now(), WAIT, 100)

    stored = await Conversation.get(conversation.id)
    assert (first, second) == (1, 0)
    assert stored.support.overdue_since is not None
    assert platform_messages(sent) == [
        ("support_waiting", "email", str(support.agent.user.id)),
        ("support_waiting", "push", str(support.agent.user.id)),
    ]
    [email, _] = sent.jobs
    assert email.kwargs["data"] == {
        "account_name": "Acme",
        "subject": "Invoice question",
        "waiting_minutes": "65",
    }
    assert email.kwargs["account_id"] == str(support.agency.id)


async def test_a_long_wait_nobody_is_assigned_to_is_told_to_the_team(mongo):
    support = await create_support()
    teammate = await create_signed_in(support.agency)
    await conversation_of(support, awaiting_reply_since=utc_now() - WAIT * 2)

    async with recording() as sent:
        await flag_waiting(utc_now(), WAIT, 100)

    told = {user for _, _, user in platform_messages(sent)}
    assert told == {str(support.agent.user.id), str(teammate.user.id)}


async def test_a_short_wait_and_a_snoozed_one_are_not_flagged(mongo):
    support = await create_support()
    await conversation_of(support, awaiting_reply_since=utc_now() - timedelta(minutes=5))
    await conversation_of(
        support,
        awaiting_reply_since=utc_now() - WAIT * 2,
        **snoozed(utc_now() + timedelta(hours=1)),
    )

    async with recording() as sent:
        flagged = await flag_waiting(utc_now(), WAIT, 100)

    assert flagged == 0
    assert sent.jobs == []


async def test_a_new_wait_after_an_answer_is_flagged_again(mongo):
    support = await create_support()
    conversation = await conversation_of(
        support, awaiting_reply_since=utc_now() - WAIT * 3, overdue_since=utc_now() - WAIT
    )
    # The team answered, then the customer wrote again long ago.
    await Conversation.find_one({"_id": conversation.id}).update(
        {
            "$set": {
                "support.awaiting_reply_since": utc_now() - WAIT * 2,
                "support.overdue_since": None,
            }
        }
    )

    async with recording():
        flagged = await flag_waiting(utc_now(), WAIT, 100)

    assert flagged == 1
