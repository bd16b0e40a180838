"""A visitor connects through an enabled widget, from a page the widget allows, with its key
or with the visitor token it was given; anything else is refused."""

from tests.factories import create_account, create_signed_in, user_token
from tests.general_socket.conftest import SITE
from tests.realtime_factories import create_widget


async def test_a_widget_key_connects_a_new_visitor(connect):
    widget = await create_widget(await create_account())
    client = await connect({"widget_key": widget.key})

    session = await client.call("visitor:session")

    assert session["ok"] is True
    assert session["visitor_id"] and session["visitor_token"]
    assert session["conversation_id"] is None


async def test_an_unknown_widget_key_is_refused(refusal):
    refused = await refusal({"widget_key": "lcw_nope"})

    assert refused == {
        "message": "The widget key is unknown or disabled.",
        "data": {"code": "unauthorized"},
    }


async def test_a_disabled_widgets_key_is_refused(refusal):
    widget = await create_widget(await create_account(), enabled=False)

    refused = await refusal({"widget_key": widget.key})

    assert refused["data"] == {"code": "unauthorized"}


async def test_a_rotated_away_key_is_refused(refusal):
    widget = await create_widget(await create_account())
    old_key = widget.key
    await widget.set({"key": "lcw_rotated"})

    refused = await refusal({"widget_key": old_key})

    assert refused["data"] == {"code": "unauthorized"}


async def test_an_allowed_origin_connects(connect):
    widget = await create_widget(await create_account(), allowed_origins=[SITE])

    await connect({"widget_key": widget.key}, origin=SITE)


async def test_an_origin_the_widget_does_not_allow_is_refused(refusal):
    widget = await create_widget(await create_account(), allowed_origins=[SITE])

    refused = await refusal({"widget_key": widget.key}, origin="https://evil.example.net")

    assert refused == {
        "message": "Sockets may not be opened from https://evil.example.net.",
        "data": {"code": "origin_not_allowed"},
    }


async def test_a_widget_limited_to_origins_refuses_a_client_sending_none(refusal):
    widget = await create_widget(await create_account(), allowed_origins=[SITE])

    refused = await refusal({"widget_key": widget.key})

    assert refused["data"] == {"code": "origin_not_allowed"}


async def test_a_widget_without_origins_takes_any_site(connect):
    widget = await create_widget(await create_account())

    await connect({"widget_key": widget.key}, origin="https://anywhere.example.org")


async def test_the_visitor_token_reconnects_the_same_visitor(connect):
    widget = await create_widget(await create_account())
    first = await connect({"widget_key": widget.key})
    session = await first.call("visitor:session")
    await first.disconnect()

    again = await connect({"visitor_token": session["visitor_token"]})

    assert (await again.call("visitor:session"))["visitor_id"] == session["visitor_id"]


async def test_a_visitor_token_is_refused_once_the_widget_is_disabled(connect, refusal):
    widget = await create_widget(await create_account())
    session = await (await connect({"widget_key": widget.key})).call("visitor:session")
    await widget.set({"enabled": False})

    refused = await refusal({"visitor_token": session["visitor_token"]})

    assert refused == {
        "message": "The widget is gone or disabled.",
        "data": {"code": "unauthorized"},
    }


async def test_a_visitor_token_is_refused_from_an_origin_the_widget_does_not_allow(
    connect, refusal
):
    widget = await create_widget(await create_account(), allowed_origins=[SITE])
    client = await connect({"widget_key": widget.key}, origin=SITE)
    session = await client.call("visitor:session")

    refused = await refusal({"visitor_token": session["visitor_token"]}, origin="https://x.io")

    assert refused["data"] == {"code": "origin_not_allowed"}


async def test_a_forged_visitor_token_is_refused(refusal):
    refused = await refusal({"visitor_token": "eyJhbGciOiJub25lIn0.e30."})

    assert refused == {"message": "The token is not valid.", "data": {"code": "unauthorized"}}


async def test_a_user_token_is_refused_as_a_visitor_token(refusal):
    me = await create_signed_in()

    refused = await refusal({"visitor_token": user_token(me.state)})

    assert refused["message"] == "The token is not valid."


async def test_a_visitor_token_is_refused_as_a_user_token(connect, refusal):
    widget = await create_widget(await create_account())
    session = await (await connect({"widget_key": widget.key})).call("visitor:session")

    refused = await refusal({"token": session["visitor_token"]})

    assert refused["message"] == "The token is not valid."
