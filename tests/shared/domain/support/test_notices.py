"""A customer's message is told to the conversation's assignee, or to the whole team while
nobody still on it is assigned."""

from beanie import PydanticObjectId

from shared.domain.messages.posting import append_message
from shared.domain.support.notices import tell_team_of_message
from shared.models.conversation_message import SenderType
from tests.factories import create_signed_in
from tests.shared.domain.held import platform_messages
from tests.support_factories import conversation_of, create_support


async def customer_message(support, conversation):
    sender = str(support.customer.user.id)
    message, _ = await append_message(conversation, SenderType.USER, sender, "Where's my invoice?")
    return message


async def test_the_assignee_is_told_with_the_conversations_details(outbox):
    support = await create_support()
    await create_signed_in(support.agency)  # on the team, not assigned
    conversation = await conversation_of(support, assignee_id=support.agent.user.id)
    message = await customer_message(support, conversation)

    await tell_team_of_message(conversation, message)

    assert platform_messages(outbox) == [
        ("support_message", "email", str(support.agent.user.id)),
        ("support_message", "push", str(support.agent.user.id)),
    ]
    [email, _] = outbox.jobs
    assert email.task_id == f"support_message:{message.id}:{support.agent.user.id}:email"
    assert email.kwargs["data"] == {
        "account_name": "Acme",
        "subject": "Invoice question",
        "sender_name": "Cleo Customer",
        "preview": "Where's my invoice?",
    }
    assert email.kwargs["links"] == {
        "conversation_url": f"/support/conversations/{conversation.id}"
    }


async def test_an_assignee_no_longer_on_the_team_leaves_it_to_the_team(outbox):
    support = await create_support()
    conversation = await conversation_of(support, assignee_id=PydanticObjectId())
    message = await customer_message(support, conversation)

    await tell_team_of_message(conversation, message)

    assert {user for _, _, user in platform_messages(outbox)} == {str(support.agent.user.id)}
