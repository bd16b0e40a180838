"""Every client event is checked against one table before its payload is read: users may not
send visitor events, visitors may send nothing else, a missing scope or an unknown event is
refused, and none of it disconnects anybody."""

import pytest

from general_socket.scopes import EVENT_RULES
from shared.utilities.auth import Principal, TokenKind
from shared.utilities.realtime import Socket, account_room
from tests.factories import create_signed_in, user_token
from tests.general_socket.clients import emit_now
from tests.realtime_factories import create_widget

USER_EVENTS = ["subscribe", "unsubscribe", "notifications:read"]
VISITOR_EVENTS = ["visitor:session", "visitor:message", "visitor:identify"]


def test_the_table_names_every_event_a_client_may_send():
    assert set(EVENT_RULES) == set(USER_EVENTS + VISITOR_EVENTS)


@pytest.mark.parametrize("event", VISITOR_EVENTS)
async def test_a_user_may_not_send_visitor_events(connect, event):
    me = await create_signed_in()
    client = await connect({"session_id": me.session_id})

    answer = await client.call(event, {"body": "hi", "email": "a@example.com"})

    assert answer == {
        "ok": False,
        "error": {"code": "forbidden", "message": f"You may not send {event}.", "details": []},
    }


@pytest.mark.parametrize("event", USER_EVENTS)
async def test_a_visitor_may_not_send_user_events(connect, event):
    me = await create_signed_in()
    visitor = await connect({"widget_key": (await create_widget(me.account)).key})

    answer = await visitor.call(event, {"account_id": str(me.account.id)})

    assert answer["error"]["code"] == "forbidden"


async def test_a_user_without_the_scope_is_refused_naming_it(connect):
    me = await create_signed_in()
    narrow = Principal(kind=TokenKind.USER, sub=str(me.user.id), account_id=str(me.account.id))
    client = await connect({"token": user_token(narrow)})

    answer = await client.call("notifications:read", {"notification_id": "0" * 24})

    assert answer["error"]["code"] == "forbidden"
    assert answer["error"]["details"] == [{"scope": "notifications:read"}]


async def test_an_unknown_event_is_refused(connect):
    me = await create_signed_in()
    client = await connect({"session_id": me.session_id})

    answer = await client.call("admin:everything", {})

    assert answer["error"] == {
        "code": "forbidden",
        "message": "You may not send admin:everything.",
        "details": [],
    }


@pytest.mark.parametrize(
    "payload",
    [["not", "an", "object"], "text", 42, {"account_id": 42}, {"account_id": "x" * 24}],
)
async def test_a_malformed_payload_gets_a_validation_error(connect, payload):
    me = await create_signed_in()
    client = await connect({"session_id": me.session_id})

    answer = await client.call("subscribe", payload)

    assert answer["ok"] is False
    assert answer["error"]["code"] == "validation_error"


async def test_two_payloads_are_refused(connect):
    me = await create_signed_in()
    client = await connect({"session_id": me.session_id})

    answer = await client.call("subscribe", ({"account_id": str(me.account.id)}, {}))

    assert answer["error"] == {
        "code": "validation_error",
        "message": "Send one payload object.",
        "details": [],
    }


async def test_a_malformed_payload_disconnects_nobody(connect, settings):
    me = await create_signed_in()
    sender = await connect({"session_id": me.session_id})
    bystander = await connect({"session_id": me.session_id})

    await sender.call("subscribe", "garbage")
    await emit_now(settings.redis_url, Socket.GENERAL, "ping", {}, account_room(me.account.id))

    assert await bystander.next("ping") == {}
    assert await sender.next("ping") == {}
    assert (await sender.call("subscribe", {"account_id": str(me.account.id)}))["ok"] is True


@pytest.mark.parametrize("event", USER_EVENTS)
async def test_every_user_event_refuses_a_payload_that_is_not_an_object(connect, event):
    me = await create_signed_in()
    client = await connect({"session_id": me.session_id})

    answer = await client.call(event, "garbage")

    assert answer["error"]["code"] == "validation_error"


@pytest.mark.parametrize("event", VISITOR_EVENTS)
async def test_every_visitor_event_refuses_fields_it_does_not_know(connect, event):
    me = await create_signed_in()
    visitor = await connect({"widget_key": (await create_widget(me.account)).key})

    answer = await visitor.call(event, {"body": "hi", "email": "a@example.com", "room": "x"})

    assert answer["error"]["code"] == "validation_error"
    assert {"field": "room", "message": "Extra inputs are not permitted"} in answer["error"][
        "details"
    ]
