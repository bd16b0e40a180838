"""`subscribe` / `unsubscribe`: a user follows another account's room only where they may act
(an agency's owners and admins in its sub-accounts); any other account answers as missing.
A membership change checks the user's subscriptions again."""

from collections.abc import AsyncIterator

import httpx
import pytest
from beanie import PydanticObjectId

from internal_api.app import create_app as create_internal_api
from internal_api.settings import InternalApiSettings
from shared.models.membership import Role
from shared.utilities.realtime import Socket, account_room
from tests.factories import create_membership, create_signed_in, create_sub_account
from tests.general_socket.clients import emit_now


async def test_an_agency_admin_follows_a_sub_accounts_room(connect, settings):
    owner = await create_signed_in()
    client_account = await create_sub_account(owner.account)
    client = await connect({"session_id": owner.session_id})

    answer = await client.call("subscribe", {"account_id": str(client_account.id)})
    await emit_now(settings.redis_url, Socket.GENERAL, "ping", {}, account_room(client_account.id))

    assert answer == {"ok": True, "room": account_room(client_account.id)}
    assert await client.next("ping") == {}


async def test_a_member_of_the_account_follows_it(connect):
    me = await create_signed_in()
    other = (await create_signed_in()).account
    await create_membership(other, me.user, Role.MEMBER)
    client = await connect({"session_id": me.session_id})

    answer = await client.call("subscribe", {"account_id": str(other.id)})

    assert answer["ok"] is True


async def test_an_agency_member_may_not_follow_a_sub_account(connect, settings):
    owner = await create_signed_in()
    member = await create_signed_in(owner.account, Role.MEMBER)
    client_account = await create_sub_account(owner.account)
    client = await connect({"session_id": member.session_id})

    answer = await client.call("subscribe", {"account_id": str(client_account.id)})

    assert answer["error"]["code"] == "not_found"


async def test_another_agencys_account_answers_as_missing_and_stays_unheard(connect, settings):
    me = await create_signed_in()
    stranger = await create_signed_in()
    client = await connect({"session_id": me.session_id})

    answer = await client.call("subscribe", {"account_id": str(stranger.account.id)})
    await emit_now(
        settings.redis_url, Socket.GENERAL, "ping", {}, account_room(stranger.account.id)
    )
    await client.settle(settings.redis_url)

    assert answer["error"] == {
        "code": "not_found",
        "message": f"Account {stranger.account.id} does not exist.",
        "details": [],
    }
    assert client.got("ping") == []


async def test_another_agencys_sub_account_answers_as_missing(connect):
    me = await create_signed_in()
    theirs = await create_sub_account((await create_signed_in()).account)
    client = await connect({"session_id": me.session_id})

    answer = await client.call("subscribe", {"account_id": str(theirs.id)})

    assert answer["error"]["code"] == "not_found"


async def test_an_account_that_does_not_exist_answers_as_missing(connect):
    me = await create_signed_in()
    client = await connect({"session_id": me.session_id})

    answer = await client.call("subscribe", {"account_id": str(PydanticObjectId())})

    assert answer["error"]["code"] == "not_found"


async def test_unsubscribing_stops_the_sub_accounts_events(connect, settings):
    owner = await create_signed_in()
    client_account = await create_sub_account(owner.account)
    client = await connect({"session_id": owner.session_id})
    await client.call("subscribe", {"account_id": str(client_account.id)})

    answer = await client.call("unsubscribe", {"account_id": str(client_account.id)})
    await emit_now(settings.redis_url, Socket.GENERAL, "ping", {}, account_room(client_account.id))
    await client.settle(settings.redis_url)

    assert answer["ok"] is True
    assert client.got("ping") == []


async def test_the_own_account_cannot_be_unsubscribed(connect):
    me = await create_signed_in()
    client = await connect({"session_id": me.session_id})

    answer = await client.call("unsubscribe", {"account_id": str(me.account.id)})

    assert answer["error"]["code"] == "forbidden"


@pytest.fixture
async def internal_api(client_for, mongo) -> AsyncIterator[httpx.AsyncClient]:
    """Where a member's role is changed or they are removed."""
    async with client_for(create_internal_api(InternalApiSettings())) as client:
        yield client


async def test_a_sub_account_is_left_when_the_agency_role_no_longer_allows_it(
    connect, settings, internal_api
):
    owner = await create_signed_in()
    admin = await create_signed_in(owner.account, Role.ADMIN)
    sub_account = await create_sub_account(owner.account)
    client = await connect({"session_id": admin.session_id})
    await client.call("subscribe", {"account_id": str(sub_account.id)})

    demoted = await internal_api.patch(
        f"/v1/accounts/members/{admin.user.id}", json={"role": "member"}, headers=owner.headers
    )
    refreshed = await client.next("session:refreshed")
    for account in (sub_account, owner.account):
        await emit_now(
            settings.redis_url, Socket.GENERAL, "ping", str(account.id), account_room(account.id)
        )
    await client.settle(settings.redis_url)

    assert demoted.status_code == 200
    assert refreshed["role"] == "member"
    assert client.got("ping") == [str(owner.account.id)]


async def test_a_user_removed_from_the_account_is_disconnected(connect, internal_api):
    owner = await create_signed_in()
    bob = await create_signed_in(owner.account, Role.MEMBER)
    client = await connect({"session_id": bob.session_id})

    await internal_api.delete(f"/v1/accounts/members/{bob.user.id}", headers=owner.headers)

    assert (await client.next("session:ended"))["code"] == "session_ended"
