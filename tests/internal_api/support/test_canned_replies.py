"""A supporting team's canned replies: kept per agency (or the platform's support account),
their placeholders checked when saved and filled for a conversation the team answers."""

from shared.models.support_canned_reply import SupportCannedReply
from tests.internal_api.support.conftest import SUPPORT, conversation_path
from tests.support_factories import conversation_of, create_canned_reply, create_support

REPLIES = f"{SUPPORT}/canned-replies"
REFUND = {"title": "Refund", "shortcut": "refund", "body": "Hi {{ customer_first_name }}!"}


async def test_a_team_saves_a_canned_reply_and_finds_it_by_shortcut(api):
    support = await create_support()

    created = await api.post(REPLIES, json=REFUND, headers=support.agent.headers)
    found = await api.get(REPLIES, params={"q": "REF"}, headers=support.agent.headers)

    assert created.status_code == 201
    assert created.json()["account_id"] == str(support.agency.id)
    assert [reply["id"] for reply in found.json()["data"]] == [created.json()["id"]]


async def test_a_sub_account_supports_nobody_and_keeps_no_canned_replies(api):
    support = await create_support()

    response = await api.post(REPLIES, json=REFUND, headers=support.customer.headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "not_a_supporting_account"
    assert await SupportCannedReply.find().count() == 0


async def test_an_unknown_placeholder_is_refused(api):
    support = await create_support()

    response = await api.post(
        REPLIES, json={**REFUND, "body": "Hi {{ nmae }}"}, headers=support.agent.headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.body"
    assert await SupportCannedReply.find().count() == 0


async def test_a_shortcut_is_the_accounts_once(api):
    support = await create_support()
    await create_canned_reply(support.agency)

    response = await api.post(REPLIES, json=REFUND, headers=support.agent.headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "shortcut_taken"
    assert await SupportCannedReply.find().count() == 1


async def test_a_canned_reply_is_changed_and_deleted(api):
    support = await create_support()
    reply = await create_canned_reply(support.agency)

    changed = await api.patch(
        f"{REPLIES}/{reply.id}", json={"title": "Refunds"}, headers=support.agent.headers
    )
    deleted = await api.delete(f"{REPLIES}/{reply.id}", headers=support.agent.headers)

    assert changed.json()["title"] == "Refunds"
    assert changed.json()["body"] == reply.body
    assert deleted.status_code == 204
    assert await SupportCannedReply.get(reply.id) is None


async def test_another_agencys_canned_reply_answers_404(api):
    support = await create_support()
    stranger = await create_support()
    reply = await create_canned_reply(stranger.agency)

    response = await api.get(f"{REPLIES}/{reply.id}", headers=support.agent.headers)

    assert response.status_code == 404


async def test_a_reply_is_filled_from_the_conversation(api):
    support = await create_support()
    reply = await create_canned_reply(
        support.agency,
        body="Hi {{ customer_first_name }}, {{ agent_name }} from {{ team_name }} here about "
        "{{ subject }} for {{ account_name }}.",
    )
    conversation = await conversation_of(support)

    response = await api.get(
        conversation_path(conversation, "canned-replies", str(reply.id)),
        headers=support.agent.headers,
    )

    assert response.status_code == 200
    assert response.json() == {
        "canned_reply_id": str(reply.id),
        "body": "Hi Cleo, Alan Agent from Agency here about Invoice question for Acme.",
    }


async def test_the_customer_cannot_fill_the_teams_replies(api):
    support = await create_support()
    reply = await create_canned_reply(support.agency)
    conversation = await conversation_of(support)

    response = await api.get(
        conversation_path(conversation, "canned-replies", str(reply.id)),
        headers=support.customer.headers,
    )

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "not_the_supporting_team"


async def test_the_placeholders_are_listed(api):
    support = await create_support()

    response = await api.get(f"{REPLIES}/placeholders", headers=support.agent.headers)

    assert "customer_first_name" in [placeholder["name"] for placeholder in response.json()]
