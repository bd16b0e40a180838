"""Opening support conversations (the first message, the bot's answer, the team asked), the
inbox lists of both sides, and another tenant's conversation answering 404."""

from beanie import PydanticObjectId

from shared.models.conversation import Conversation, ConversationKind
from shared.models.conversation_message import ConversationMessage, SenderType
from shared.models.membership import Role
from tests.factories import create_account, create_signed_in, create_sub_account
from tests.internal_api.support.conftest import CONVERSATIONS
from tests.realtime_factories import acting_in
from tests.support_factories import (
    Support,
    conversation_of,
    create_support,
    create_support_conversation,
)

QUESTION = {"subject": "Invoice", "body": "I was charged twice for my invoice."}


async def messages_of(conversation_id: str) -> list[ConversationMessage]:
    query = ConversationMessage.find({"conversation_id": PydanticObjectId(conversation_id)})
    return await query.sort("+_id").to_list()


async def test_a_client_asks_its_agency_and_the_bot_answers_first(api):
    support = await create_support()

    response = await api.post(CONVERSATIONS, json=QUESTION, headers=support.customer.headers)

    assert response.status_code == 201
    body = response.json()
    assert (body["kind"], body["title"]) == ("support", "Invoice")
    assert (body["account_id"], body["support_account_id"]) == (
        str(support.client.id),
        str(support.agency.id),
    )
    assert body["support"]["status"] == "open"
    assert body["support"]["awaiting_reply_since"] is not None
    question, answer = await messages_of(body["id"])
    assert (question.sender_id, question.body) == (str(support.customer.user.id), QUESTION["body"])
    assert (answer.sender_type, answer.sender_id) == (SenderType.SYSTEM, "support-bot")
    assert answer.body.startswith("Hi Cleo, thanks for writing to Agency.")


async def test_an_agency_asks_the_platforms_support_team(start_api):
    platform = await create_account(name="Platform support")
    agency = await create_signed_in()

    async with start_api(support_account_id=str(platform.id)) as api:
        response = await api.post(CONVERSATIONS, json=QUESTION, headers=agency.headers)

    assert response.status_code == 201
    assert response.json()["support_account_id"] == str(platform.id)


async def test_without_a_platform_support_team_an_agency_has_nobody_to_ask(api):
    agency = await create_signed_in()

    response = await api.post(CONVERSATIONS, json=QUESTION, headers=agency.headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "no_support_team"
    assert await Conversation.find({"kind": ConversationKind.SUPPORT}).count() == 0


async def test_the_team_cannot_open_a_conversation_with_itself(api):
    support = await create_support(agent_role=Role.OWNER)

    response = await api.post(
        CONVERSATIONS, json=QUESTION, headers=acting_in(support.agent, support.client)
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "on_the_supporting_team"
    assert await Conversation.find({"kind": ConversationKind.SUPPORT}).count() == 0


async def test_opening_again_with_the_same_client_id_answers_the_same_conversation(api):
    support = await create_support()
    question = {**QUESTION, "client_id": "q-1"}

    first = await api.post(CONVERSATIONS, json=question, headers=support.customer.headers)
    again = await api.post(CONVERSATIONS, json=question, headers=support.customer.headers)

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert await ConversationMessage.find().count() == 2  # the question and the bot's answer


async def test_the_client_lists_its_own_conversations_and_the_agency_those_it_answers(api):
    support = await create_support()
    mine = await conversation_of(support)
    other_client = await create_sub_account(support.agency, name="Other client")
    theirs = await create_signed_in(other_client)
    elsewhere = await conversation_of(Support(support.agent, theirs))

    customer = await api.get(CONVERSATIONS, headers=support.customer.headers)
    agency = await api.get(CONVERSATIONS, headers=support.agent.headers)

    assert [c["id"] for c in customer.json()["data"]] == [str(mine.id)]
    assert {c["id"] for c in agency.json()["data"]} == {str(mine.id), str(elsewhere.id)}


async def test_another_agencys_conversation_answers_404(api):
    support = await create_support()
    stranger = await create_support()
    conversation = await conversation_of(stranger)

    as_client = await api.get(
        f"{CONVERSATIONS}/{conversation.id}", headers=support.customer.headers
    )
    as_agency = await api.get(f"{CONVERSATIONS}/{conversation.id}", headers=support.agent.headers)
    posting = await api.post(
        f"/v1/conversation-v2/conversations/{conversation.id}/messages",
        json={"body": "peek"},
        headers=support.agent.headers,
    )

    assert (as_client.status_code, as_agency.status_code, posting.status_code) == (404, 404, 404)
    assert as_agency.json()["error"]["code"] == "not_found"
    assert await ConversationMessage.find().count() == 0


async def test_the_lists_filter_by_side_status_and_assignee(api):
    support = await create_support()
    platform = await create_account(name="Platform support")
    asked = await create_support_conversation(support.agency, platform, support.agent.user)
    answered = await conversation_of(support, assignee_id=support.agent.user.id)

    answering = await api.get(
        CONVERSATIONS, params={"answering": "true"}, headers=support.agent.headers
    )
    asking = await api.get(
        CONVERSATIONS, params={"answering": "false"}, headers=support.agent.headers
    )
    mine = await api.get(CONVERSATIONS, params={"assignee": "me"}, headers=support.agent.headers)
    resolved = await api.get(
        CONVERSATIONS, params={"status": "resolved"}, headers=support.agent.headers
    )

    assert [c["id"] for c in answering.json()["data"]] == [str(answered.id)]
    assert [c["id"] for c in asking.json()["data"]] == [str(asked.id)]
    assert [c["id"] for c in mine.json()["data"]] == [str(answered.id)]
    assert resolved.json()["data"] == []
