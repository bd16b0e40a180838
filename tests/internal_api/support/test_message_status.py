"""A support message's delivery status through the API: answered with each message, and a
read pointer moved through the conversations API queues the status job
(QM_SUPPORT_MESSAGE_STATUS)."""

from tests.conversation_socket.factories import create_message
from tests.conversation_socket.queued import queued_kwargs
from tests.support_factories import conversation_of, create_support

MESSAGES = "/v1/conversation-v2/conversations"


async def test_each_message_is_answered_with_its_status(api):
    support = await create_support()
    conversation = await conversation_of(support)
    await create_message(conversation, support.agent.user, "Fixed")

    response = await api.get(
        f"{MESSAGES}/{conversation.id}/messages", headers=support.customer.headers
    )

    [message] = response.json()["data"]
    assert message["delivery"]["sender_side"] == "support"
    assert message["delivery"]["status"] == "sent"


async def test_reading_through_the_api_queues_the_status_job(api, redis):
    support = await create_support()
    conversation = await conversation_of(support)
    answer = await create_message(conversation, support.agent.user, "Fixed")
    await redis.delete("support_message_status")

    response = await api.post(
        f"{MESSAGES}/{conversation.id}/read",
        json={"message_id": str(answer.id)},
        headers=support.customer.headers,
    )

    assert response.status_code == 200
    assert await queued_kwargs(redis, "support_message_status") == [
        {
            "conversation_id": str(conversation.id),
            "reader_id": str(support.customer.user.id),
            "message_id": str(answer.id),
            "status": "read",
        }
    ]
