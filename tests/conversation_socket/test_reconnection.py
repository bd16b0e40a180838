"""A client that was away catches up through REST from its last-read pointer."""

from internal_api.app import create_app as create_internal_api
from internal_api.settings import InternalApiSettings
from tests.conversation_socket.factories import create_conversation
from tests.factories import create_signed_in

BASE = "/v1/conversation-v2"


async def test_missed_messages_come_from_rest_after_the_last_read_pointer(connect, client_for):
    ada = await create_signed_in()
    bob = await create_signed_in(ada.account)
    channel = await create_conversation(ada.account)
    payload = {"conversation_id": str(channel.id)}
    ada_socket, bob_socket = await connect(ada), await connect(bob)
    for socket in (ada_socket, bob_socket):
        await socket.call("conversation:join", payload)
    seen = await ada_socket.call("message:send", {**payload, "body": "seen"})
    await bob_socket.call("message:read", {**payload, "message_id": seen["message"]["id"]})
    await bob_socket.disconnect()
    missed = [
        (await ada_socket.call("message:send", {**payload, "body": body}))["message"]
        for body in ("missed 1", "missed 2")
    ]

    await connect(bob)
    async with client_for(create_internal_api(InternalApiSettings())) as api:
        state = await api.get(f"{BASE}/conversations/{channel.id}", headers=bob.headers)
        caught_up = await api.get(
            f"{BASE}/conversations/{channel.id}/messages",
            params={"after": state.json()["last_read_message_id"]},
            headers=bob.headers,
        )

    assert state.json()["last_read_message_id"] == seen["message"]["id"]
    assert state.json()["unread_count"] == 2
    assert caught_up.json()["data"] == missed
