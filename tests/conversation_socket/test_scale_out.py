"""Two replicas of the conversation socket on one Redis behave as one: a client on each, and
messages, typing, read receipts and presence cross between them."""

from collections.abc import AsyncIterator

import pytest

from conversation_socket.app import create_app
from tests.conversation_socket.conftest import socket_settings
from tests.conversation_socket.factories import create_conversation
from tests.factories import create_signed_in


@pytest.fixture
async def second_url(serve, socket_url) -> AsyncIterator[str]:
    """Another replica beside the test's own (`socket_url`)."""
    async with serve(create_app(socket_settings())) as url:
        yield url


@pytest.fixture
async def across(connect, socket_url, second_url):
    """Ada on the first replica, Bob on the second, both in one channel: (ada, bob, payload)."""
    ada = await create_signed_in()
    bob = await create_signed_in(ada.account)
    channel = await create_conversation(ada.account)
    payload = {"conversation_id": str(channel.id)}
    ada.client = await connect(ada, socket_url)
    bob.client = await connect(bob, second_url)
    for who in (ada, bob):
        await who.client.call("conversation:join", payload)
    return ada, bob, payload


async def test_a_message_sent_on_one_replica_arrives_on_the_other(across):
    ada, bob, payload = across

    ack = await ada.client.call("message:send", {**payload, "body": "Across"})

    assert await bob.client.next("message:new") == ack["message"]


async def test_typing_crosses_replicas(across):
    ada, bob, payload = across

    await bob.client.call("typing:start", payload)

    assert await ada.client.next("typing:start") == {**payload, "user_id": str(bob.user.id)}


async def test_read_receipts_cross_replicas(across):
    ada, bob, payload = across
    ack = await ada.client.call("message:send", {**payload, "body": "Read me"})

    await bob.client.call("message:read", {**payload, "message_id": ack["message"]["id"]})

    receipt = await ada.client.next("message:read")
    assert (receipt["user_id"], receipt["message_id"]) == (str(bob.user.id), ack["message"]["id"])


async def test_presence_crosses_replicas(connect, socket_url, second_url):
    watcher = await create_signed_in()
    ada = await create_signed_in(watcher.account)
    watching = await connect(watcher, socket_url)
    await watching.next("presence")  # its own arrival

    await connect(ada, second_url)

    assert await watching.next("presence") == {"online": [str(ada.user.id)], "offline": []}
