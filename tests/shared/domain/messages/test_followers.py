"""A new message is told to the conversation's followers (`new_message`): its participants and
whoever has opened it, never the sender; a visitor's conversation nobody has opened yet is
followed by the account's members."""

from beanie import PydanticObjectId

from shared.domain.messages.followers import tell_followers
from shared.domain.messages.posting import append_message
from shared.domain.messages.prospects import prospect_for
from shared.models.conversation import ConversationKind
from shared.models.conversation_message import SenderType
from tests.factories import create_account, create_membership, create_user
from tests.realtime_factories import create_channel
from tests.shared.domain.held import platform_messages


async def member_of(account, name: str = "Ada"):
    user = await create_user(name=name)
    await create_membership(account, user)
    return user


async def test_a_groups_participants_but_the_sender_are_told(outbox):
    account = await create_account()
    ada, grace = await member_of(account, "Ada"), await member_of(account)
    group = await create_channel(
        account_id=account.id, kind=ConversationKind.GROUP, participant_ids=[ada.id, grace.id]
    )
    message, _ = await append_message(group, SenderType.USER, str(ada.id), "Lunch?")

    await tell_followers(group, message)

    assert platform_messages(outbox) == [
        ("new_message", "email", str(grace.id)),
        ("new_message", "push", str(grace.id)),
    ]
    [job, _] = outbox.jobs
    assert job.kwargs["data"] == {"sender_name": "Ada", "preview": "Lunch?"}
    assert job.kwargs["links"] == {"conversation_url": f"/conversations/{group.id}"}


async def test_a_channel_is_followed_by_who_opened_it(outbox):
    account = await create_account()
    ada, grace = await member_of(account), await member_of(account)
    await member_of(account)  # never opened it
    channel = await create_channel(account_id=account.id)
    await append_message(channel, SenderType.USER, str(grace.id), "hello")  # gives grace a seat

    message, _ = await append_message(channel, SenderType.USER, str(ada.id), "hi all")
    await tell_followers(channel, message)

    assert {user for _, _, user in platform_messages(outbox)} == {str(grace.id)}


async def test_a_visitor_nobody_answered_yet_is_heard_by_the_accounts_members(outbox):
    account = await create_account()
    ada = await member_of(account)
    prospect = await prospect_for(account.id, "visitor-1")
    conversation = await create_channel(
        account_id=account.id, kind=ConversationKind.PROSPECT, prospect_id=prospect.id
    )
    message, _ = await append_message(conversation, SenderType.PROSPECT, str(prospect.id), "Hi")

    await tell_followers(conversation, message)

    assert {user for _, _, user in platform_messages(outbox)} == {str(ada.id)}
    assert outbox.jobs[0].kwargs["data"]["sender_name"] == "A visitor"


async def test_a_system_message_tells_nobody(outbox):
    account = await create_account()
    ada = await member_of(account)
    group = await create_channel(
        account_id=account.id, kind=ConversationKind.GROUP, participant_ids=[ada.id]
    )
    message, _ = await append_message(group, SenderType.SYSTEM, str(PydanticObjectId()), "joined")

    await tell_followers(group, message)

    assert platform_messages(outbox) == []
