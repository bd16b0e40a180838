"""A support conversation's place in the inbox: the team assigns and snoozes it, either side
resolves and reopens it, and the customer's next message opens it again."""

from datetime import timedelta

from shared.models.base import utc_now
from shared.models.conversation import Conversation, SupportStatus
from tests.factories import create_signed_in
from tests.internal_api.support.conftest import conversation_path
from tests.support_factories import conversation_of, create_support


async def state_of(conversation):
    return (await Conversation.get(conversation.id)).support


async def test_the_team_assigns_a_conversation_to_a_teammate(api):
    support = await create_support()
    teammate = await create_signed_in(support.agency)
    conversation = await conversation_of(support)

    response = await api.put(
        conversation_path(conversation, "assignee"),
        json={"assignee_id": str(teammate.user.id)},
        headers=support.agent.headers,
    )

    assert response.status_code == 200
    assert response.json()["support"]["assignee_id"] == str(teammate.user.id)
    assert (await state_of(conversation)).assignee_id == teammate.user.id


async def test_the_assignee_is_a_user_of_the_supporting_account(api):
    support = await create_support()
    conversation = await conversation_of(support)

    response = await api.put(
        conversation_path(conversation, "assignee"),
        json={"assignee_id": str(support.customer.user.id)},
        headers=support.agent.headers,
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_account_users"
    assert (await state_of(conversation)).assignee_id is None


async def test_the_customer_may_not_assign(api):
    support = await create_support()
    conversation = await conversation_of(support)

    response = await api.put(
        conversation_path(conversation, "assignee"),
        json={"assignee_id": str(support.agent.user.id)},
        headers=support.customer.headers,
    )

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "not_the_supporting_team"
    assert (await state_of(conversation)).assignee_id is None


async def test_a_snooze_is_kept_in_utc_with_the_zone_it_was_meant_in(api):
    support = await create_support()
    conversation = await conversation_of(support)
    tomorrow = (utc_now() + timedelta(days=1)).date()

    response = await api.post(
        conversation_path(conversation, "snooze"),
        json={"until": f"{tomorrow}T09:00:00", "time_zone": "Europe/Paris"},
        headers=support.agent.headers,
    )

    assert response.status_code == 200
    state = await state_of(conversation)
    assert state.status is SupportStatus.SNOOZED
    assert state.snooze_time_zone == "Europe/Paris"
    assert state.snoozed_until.utcoffset() == timedelta(0)
    assert state.snoozed_until.hour in (7, 8)  # 09:00 in Paris, summer or winter


async def test_a_snooze_ends_in_the_future(api):
    support = await create_support()
    conversation = await conversation_of(support)

    response = await api.post(
        conversation_path(conversation, "snooze"),
        json={"until": "2020-01-01T09:00:00Z", "time_zone": "UTC"},
        headers=support.agent.headers,
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.until"
    assert (await state_of(conversation)).status is SupportStatus.OPEN


async def test_the_customer_resolves_and_reopens_their_conversation(api):
    support = await create_support()
    conversation = await conversation_of(support, awaiting_reply_since=utc_now())

    resolved = await api.post(
        conversation_path(conversation, "resolve"), headers=support.customer.headers
    )
    resolved_state = await state_of(conversation)
    reopened = await api.post(
        conversation_path(conversation, "reopen"), headers=support.customer.headers
    )

    assert (resolved.status_code, reopened.status_code) == (200, 200)
    assert resolved_state.status is SupportStatus.RESOLVED
    assert resolved_state.awaiting_reply_since is None
    assert (await state_of(conversation)).status is SupportStatus.OPEN


async def test_the_customers_message_opens_a_resolved_conversation_again(api):
    support = await create_support()
    conversation = await conversation_of(
        support, status=SupportStatus.RESOLVED, resolved_at=utc_now()
    )

    response = await api.post(
        f"/v1/conversation-v2/conversations/{conversation.id}/messages",
        json={"body": "It broke again"},
        headers=support.customer.headers,
    )

    assert response.status_code == 201
    assert response.json()["delivery"]["status"] == "sent"
    state = await state_of(conversation)
    assert state.status is SupportStatus.OPEN
    assert state.awaiting_reply_since is not None
