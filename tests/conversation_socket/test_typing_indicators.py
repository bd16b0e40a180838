"""Typing indicators: relayed to the others in the conversation, ended by a stop, by the
server after a few seconds, or by the socket going away."""

import pytest

from tests.conversation_socket.factories import create_conversation
from tests.factories import create_signed_in


@pytest.fixture
async def pair(connect):
    """Two users in one channel, both joined: (ada, bob, payload naming the channel)."""
    ada = await create_signed_in()
    bob = await create_signed_in(ada.account)
    channel = await create_conversation(ada.account)
    payload = {"conversation_id": str(channel.id)}
    ada.client, bob.client = await connect(ada), await connect(bob)
    for who in (ada, bob):
        await who.client.call("conversation:join", payload)
    return ada, bob, payload


async def test_typing_reaches_the_others_but_not_the_typist(pair):
    ada, bob, payload = pair

    ack = await ada.client.call("typing:start", payload)
    await bob.client.call("typing:start", payload)

    assert ack == {"ok": True}
    assert await bob.client.next("typing:start") == {**payload, "user_id": str(ada.user.id)}
    assert (await ada.client.next("typing:start"))["user_id"] == str(bob.user.id)
    assert ada.client.pending("typing:start") == 0


async def test_a_stop_is_relayed(pair):
    ada, bob, payload = pair
    await ada.client.call("typing:start", payload)

    await ada.client.call("typing:stop", payload)

    assert await bob.client.next("typing:stop") == {**payload, "user_id": str(ada.user.id)}


async def test_typing_without_a_stop_ends_by_itself(pair):
    ada, bob, payload = pair

    await ada.client.call("typing:start", payload)

    assert (await bob.client.next("typing:stop"))["user_id"] == str(ada.user.id)


async def test_typing_ends_when_the_typist_disconnects(pair):
    ada, bob, payload = pair
    await ada.client.call("typing:start", payload)
    await bob.client.next("typing:start")

    await ada.client.disconnect()

    assert (await bob.client.next("typing:stop"))["user_id"] == str(ada.user.id)


async def test_typing_in_a_conversation_not_joined_is_refused(connect):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)
    client = await connect(ada)

    ack = await client.call("typing:start", {"conversation_id": str(channel.id)})

    assert ack["error"]["code"] == "bad_request"


async def test_typing_with_a_malformed_id_is_a_validation_error(pair):
    ada, _, _ = pair

    ack = await ada.client.call("typing:stop", {"conversation_id": 42})

    assert ack["error"]["code"] == "validation_error"
