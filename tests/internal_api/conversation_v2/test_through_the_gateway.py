"""conversation-v2 the dashboard's way: gateway -> router -> internal_api, with a session id
(the router's table sends /v1/conversation-v2 to internal_api)."""

from tests.conversation_socket.factories import create_conversation
from tests.factories import create_signed_in
from tests.internal_api.chain import module_chain, start_api

__all__ = ["module_chain", "start_api"]

BASE = "/v1/conversation-v2"


async def test_a_message_is_posted_and_read_back_through_the_gateway(start_api):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)
    async with start_api() as gateway:
        posted = await gateway.post(
            f"{BASE}/conversations/{channel.id}/messages", json={"body": "Hi"}, headers=ada.headers
        )
        history = await gateway.get(
            f"{BASE}/conversations/{channel.id}/messages", headers=ada.headers
        )

    assert posted.status_code == 201
    assert history.json()["data"] == [posted.json()]


async def test_without_a_session_the_router_refuses(start_api):
    async with start_api() as gateway:
        response = await gateway.get(f"{BASE}/conversations")

    assert response.status_code == 401
