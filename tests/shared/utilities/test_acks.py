"""Acknowledged socket events: refused, invalid or failing events answer an error in the
acknowledgement, and the connection stays up."""

from collections.abc import AsyncIterator

import pytest
import socketio
from pydantic import BaseModel

from shared.utilities.acks import Rule, acknowledged, allowed_by
from shared.utilities.auth import Principal, TokenKind
from shared.utilities.errors import Forbidden
from shared.utilities.impersonation import ImpersonationReadOnly
from tests.general_socket.clients import SocketClient


class Greeting(BaseModel):
    name: str


def refuse_strangers(event: str, principal: Principal) -> None:
    if principal.sub != "friend":
        raise Forbidden(f"You may not send {event}.")


def socket_app() -> socketio.ASGIApp:
    sio = socketio.AsyncServer(async_mode="asgi")

    @sio.event
    async def connect(sid: str, environ: dict, auth: dict) -> None:
        who = Principal(kind=TokenKind.USER, sub=auth["who"])
        await sio.save_session(sid, {"principal": who})

    @acknowledged(sio, "greet", Greeting, allow=refuse_strangers)
    async def greet(sid: str, principal: Principal, payload: Greeting) -> dict:
        return {"greeting": f"Hello {payload.name}"}

    @acknowledged(sio, "explode", Greeting)
    async def explode(sid: str, principal: Principal, payload: Greeting) -> dict:
        raise RuntimeError("a bug on our side")

    return socketio.ASGIApp(sio)


@pytest.fixture
async def url(serve) -> AsyncIterator[str]:
    async with serve(socket_app()) as base_url:
        yield base_url


@pytest.fixture
async def friend(url) -> AsyncIterator[SocketClient]:
    client = SocketClient()
    await client.connect(url, {"who": "friend"})
    yield client
    await client.disconnect()


async def test_an_allowed_valid_event_answers_ok_with_the_handlers_answer(friend):
    assert await friend.call("greet", {"name": "Ada"}) == {"ok": True, "greeting": "Hello Ada"}


async def test_a_refused_event_answers_the_refusal(url):
    stranger = SocketClient()
    await stranger.connect(url, {"who": "stranger"})

    answer = await stranger.call("greet", {"name": "Ada"})

    assert answer == {
        "ok": False,
        "error": {"code": "forbidden", "message": "You may not send greet.", "details": []},
    }
    await stranger.disconnect()


async def test_an_invalid_payload_answers_each_bad_field(friend):
    answer = await friend.call("greet", {"name": 42})

    assert answer["error"]["code"] == "validation_error"
    assert answer["error"]["details"][0]["field"] == "name"


async def test_a_failing_handler_answers_an_internal_error_and_the_connection_stays(friend):
    answer = await friend.call("explode", {"name": "Ada"})

    assert answer["error"] == {
        "code": "internal_error",
        "message": "Something went wrong on our side.",
        "details": [],
    }
    assert (await friend.call("greet", {"name": "Ada"}))["ok"] is True


VIEWER = Principal(kind=TokenKind.USER, sub="user", impersonated_by="operator")
RULES = allowed_by({"look": Rule(TokenKind.USER, read_only=True), "change": Rule(TokenKind.USER)})


def test_an_operators_view_as_a_user_may_send_what_changes_nothing():
    RULES("look", VIEWER)


def test_an_operators_view_as_a_user_is_refused_what_changes_something():
    with pytest.raises(ImpersonationReadOnly):
        RULES("change", VIEWER)
