"""Who may open a general socket, and the rooms a user's connection enters."""

from shared.models.account import AccountStatus
from shared.models.membership import Role
from shared.utilities.auth import Principal, TokenKind
from shared.utilities.realtime import Socket, account_room, user_room
from tests.factories import create_account, create_signed_in, create_sub_account, user_token
from tests.general_socket.clients import emit_now
from tests.general_socket.conftest import DASHBOARD, SITE


async def test_a_live_session_connects_and_hears_its_users_room(connect, settings):
    me = await create_signed_in()
    client = await connect({"session_id": me.session_id})

    await emit_now(settings.redis_url, Socket.GENERAL, "ping", {"n": 1}, user_room(me.user.id))

    assert await client.next("ping") == {"n": 1}


async def test_a_user_token_connects_and_hears_its_accounts_room(connect, settings):
    me = await create_signed_in()
    client = await connect({"token": user_token(me.state)})

    await emit_now(
        settings.redis_url, Socket.GENERAL, "ping", {"n": 2}, account_room(me.account.id)
    )

    assert await client.next("ping") == {"n": 2}


async def test_another_accounts_room_is_not_heard(connect, settings):
    me = await create_signed_in()
    stranger = await create_signed_in()
    client = await connect({"session_id": me.session_id})

    await emit_now(
        settings.redis_url, Socket.GENERAL, "ping", {}, account_room(stranger.account.id)
    )
    await client.settle(settings.redis_url)

    assert client.got("ping") == []


async def test_the_dashboards_origin_connects(connect):
    me = await create_signed_in()

    await connect({"session_id": me.session_id}, origin=DASHBOARD)


async def test_a_user_socket_from_another_origin_is_refused_as_the_conversation_socket_refuses_it(
    refusal,
):
    me = await create_signed_in()

    refused = await refusal({"session_id": me.session_id}, origin=SITE)

    assert refused == {
        "message": f"Sockets may not be opened from {SITE}.",
        "data": {"code": "origin_not_allowed"},
    }


async def test_a_handshake_without_credentials_is_refused_with_a_reason(refusal):
    refused = await refusal(None)

    assert refused["data"] == {"code": "unauthorized"}
    assert "session_id" in refused["message"]


async def test_an_unknown_session_is_refused(refusal):
    refused = await refusal({"session_id": "not-a-session"})

    assert refused["message"] == "The session is unknown, expired or revoked."


async def test_a_forged_token_is_refused(refusal):
    refused = await refusal({"token": "eyJhbGciOiJub25lIn0.e30."})

    assert refused["message"] == "The token is not valid."


async def test_a_user_token_signed_as_a_visitor_is_refused(refusal):
    visitor = Principal(kind=TokenKind.VISITOR, sub="visitor-1", account_id="a1")

    refused = await refusal({"token": user_token(visitor)})

    assert refused["message"] == "A user token is required."


async def test_a_session_acting_in_a_suspended_account_is_refused_saying_so(refusal):
    agency = await create_account()
    client = await create_sub_account(agency, status=AccountStatus.SUSPENDED)
    member = await create_signed_in(account=client, role=Role.MEMBER)

    refused = await refusal({"session_id": member.session_id})

    assert refused["data"] == {"code": "account_suspended"}
