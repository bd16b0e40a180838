"""Messages over REST: history by cursor, posting (stored once per client id, emitted to the
socket rooms, published for webhooks), read pointers and search."""

import pytest

from conversation_socket.app import create_app as create_socket_app
from shared.models.conversation_message import ConversationMessage
from tests.conversation_socket.client import RecordingClient
from tests.conversation_socket.conftest import socket_settings
from tests.conversation_socket.factories import create_conversation, create_message
from tests.conversation_socket.queued import published_events
from tests.factories import create_account, create_signed_in, user_token

BASE = "/v1/conversation-v2"


def messages_of(conversation) -> str:
    return f"{BASE}/conversations/{conversation.id}/messages"


@pytest.fixture
async def redis(redis):
    await redis.delete("hooks")
    return redis


async def test_history_is_newest_first_by_cursor(api):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)
    sent = [await create_message(channel, ada.user, f"m{n}") for n in range(5)]

    first = await api.get(messages_of(channel), params={"limit": 2}, headers=ada.headers)
    second = await api.get(
        messages_of(channel),
        params={"limit": 2, "before": first.json()["next_cursor"]},
        headers=ada.headers,
    )
    last = await api.get(
        messages_of(channel),
        params={"limit": 2, "before": second.json()["next_cursor"]},
        headers=ada.headers,
    )

    pages = [[m["body"] for m in page.json()["data"]] for page in (first, second, last)]
    assert pages == [["m4", "m3"], ["m2", "m1"], ["m0"]]
    assert first.json()["next_cursor"] == str(sent[3].id)
    assert last.json()["next_cursor"] is None


async def test_history_after_a_message_is_oldest_first(api):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)
    sent = [await create_message(channel, ada.user, f"m{n}") for n in range(4)]

    response = await api.get(
        messages_of(channel), params={"after": str(sent[1].id)}, headers=ada.headers
    )

    assert [m["body"] for m in response.json()["data"]] == ["m2", "m3"]


@pytest.mark.parametrize(
    "params", [{"before": "nope"}, {"before": "0" * 24, "after": "0" * 24}, {"limit": 0}]
)
async def test_a_bad_cursor_is_a_validation_error(api, params):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)

    response = await api.get(messages_of(channel), params=params, headers=ada.headers)

    assert response.status_code == 422


async def test_another_accounts_history_answers_404(api):
    ada = await create_signed_in()
    elsewhere = await create_conversation(await create_account(name="Other agency"))

    response = await api.get(messages_of(elsewhere), headers=ada.headers)

    assert response.status_code == 404


async def test_a_posted_message_is_stored_with_its_sender(api):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)

    response = await api.post(messages_of(channel), json={"body": "Hi"}, headers=ada.headers)

    assert response.status_code == 201
    stored = await ConversationMessage.get(response.json()["id"])
    assert (stored.body, stored.sender_id) == ("Hi", str(ada.user.id))


async def test_posting_again_with_the_same_client_id_answers_the_stored_message(api):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)
    message = {"body": "Hi", "client_id": "c-1"}

    first = await api.post(messages_of(channel), json=message, headers=ada.headers)
    again = await api.post(messages_of(channel), json=message, headers=ada.headers)

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert await ConversationMessage.find({"conversation_id": channel.id}).count() == 1


async def test_attachments_are_references_to_stored_files(api):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)
    attachment = {
        "url": "https://files.example.com/brief.pdf",
        "name": "brief.pdf",
        "content_type": "application/pdf",
        "size_bytes": 1024,
    }

    response = await api.post(
        messages_of(channel), json={"attachments": [attachment]}, headers=ada.headers
    )

    assert response.status_code == 201
    assert response.json()["attachments"] == [{**attachment, "file_id": None}]


ATTACHMENT = {"url": "https://files.example.com/brief.pdf", "name": "brief.pdf"}


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"body": "   "},
        {"body": "x" * 10_001},
        {"body": "a", "attachments": [{"url": "x"}]},
        {"attachments": [{**ATTACHMENT, "size_bytes": 2**66}]},
        {"attachments": [{**ATTACHMENT, "nmae": "typo"}]},
        {"attachments": [{**ATTACHMENT, "name": "brief\x00.pdf"}]},
    ],
    ids=[
        "nothing",
        "blank",
        "too-long",
        "bad-attachment",
        "size-past-int64",
        "unknown-attachment-field",
        "control-character",
    ],
)
async def test_a_bad_message_is_refused_and_not_stored(api, body):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)

    response = await api.post(messages_of(channel), json=body, headers=ada.headers)

    assert response.status_code == 422
    assert await ConversationMessage.find({"conversation_id": channel.id}).count() == 0


async def test_posting_to_another_accounts_conversation_answers_404(api):
    ada = await create_signed_in()
    elsewhere = await create_conversation(await create_account(name="Other agency"))

    response = await api.post(messages_of(elsewhere), json={"body": "Hi"}, headers=ada.headers)

    assert response.status_code == 404
    assert await ConversationMessage.find({"conversation_id": elsewhere.id}).count() == 0


async def test_a_posted_message_reaches_the_conversations_sockets(api, serve):
    ada = await create_signed_in()
    bob = await create_signed_in(ada.account)
    channel = await create_conversation(ada.account)
    listener = RecordingClient()
    async with serve(create_socket_app(socket_settings())) as socket_url:
        await listener.connect(socket_url, {"token": user_token(bob.state)})
        await listener.call("conversation:join", {"conversation_id": str(channel.id)})

        response = await api.post(messages_of(channel), json={"body": "Hi"}, headers=ada.headers)

        assert await listener.next("message:new") == response.json()
        await listener.disconnect()


async def test_a_posted_message_is_published_for_webhooks(api, redis):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)

    response = await api.post(messages_of(channel), json={"body": "Hi"}, headers=ada.headers)

    [event] = await published_events(redis, "message.created")
    assert event["data"] == response.json()
    assert event["account_id"] == str(ada.account.id)


async def test_a_resend_publishes_nothing_again(api, redis):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)
    message = {"body": "Hi", "client_id": "c-1"}

    for _ in range(2):
        await api.post(messages_of(channel), json=message, headers=ada.headers)

    assert len(await published_events(redis, "message.created")) == 1


async def test_marking_read_moves_the_pointer_and_clears_the_unread_count(api):
    ada = await create_signed_in()
    bob = await create_signed_in(ada.account)
    channel = await create_conversation(ada.account)
    await create_message(channel, bob.user, "one")
    last = await create_message(channel, bob.user, "two")

    response = await api.post(
        f"{BASE}/conversations/{channel.id}/read",
        json={"message_id": str(last.id)},
        headers=ada.headers,
    )

    assert response.status_code == 200
    assert (response.json()["unread_count"], response.json()["last_read_message_id"]) == (
        0,
        str(last.id),
    )


async def test_marking_read_a_message_of_another_conversation_answers_404(api):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)
    other = await create_message(await create_conversation(ada.account, title="x"), ada.user)

    response = await api.post(
        f"{BASE}/conversations/{channel.id}/read",
        json={"message_id": str(other.id)},
        headers=ada.headers,
    )

    assert response.status_code == 404


async def test_search_finds_messages_in_readable_conversations_only(api):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)
    found = await create_message(channel, ada.user, "The Launch is on Monday")
    await create_message(channel, ada.user, "Lunch?")
    outsider = await create_signed_in()
    await create_message(await create_conversation(outsider.account), outsider.user, "launch")

    response = await api.get(f"{BASE}/messages/search", params={"q": "launch"}, headers=ada.headers)

    assert [m["id"] for m in response.json()["data"]] == [str(found.id)]
    assert response.json()["pagination"]["total"] == 1


async def test_search_treats_the_text_literally(api):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)
    await create_message(channel, ada.user, "anything")

    response = await api.get(f"{BASE}/messages/search", params={"q": ".*"}, headers=ada.headers)

    assert response.json()["data"] == []


async def test_search_within_one_conversation(api):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)
    other = await create_conversation(ada.account, title="other")
    wanted = await create_message(channel, ada.user, "budget")
    await create_message(other, ada.user, "budget")

    response = await api.get(
        f"{BASE}/messages/search",
        params={"q": "budget", "conversation_id": str(channel.id)},
        headers=ada.headers,
    )

    assert [m["id"] for m in response.json()["data"]] == [str(wanted.id)]
