"""conversation-v2 the dashboard's way: gateway -> router -> internal_api, with a session id
(the router's table sends /v1/conversation-v2 to internal_api)."""

from tests.conversation_socket.factories import create_conversation
from tests.factories import create_signed_in
from tests.internal_api.chain import dashboard, module_chain

__all__ = ["dashboard", "module_chain"]

BASE = "/v1/conversation-v2"


async def test_a_message_is_posted_and_read_back_through_the_gateway(dashboard):
    ada = await create_signed_in()
    channel = await create_conversation(ada.account)
    messages = f"{BASE}/conversations/{channel.id}/messages"

    posted = await dashboard.post(messages, json={"body": "Hi"}, headers=ada.session_headers)
    history = await dashboard.get(messages, headers=ada.session_headers)

    assert posted.status_code == 201
    assert history.json()["data"] == [posted.json()]


async def test_without_a_session_the_router_refuses(dashboard):
    response = await dashboard.get(f"{BASE}/conversations")

    assert response.status_code == 401
