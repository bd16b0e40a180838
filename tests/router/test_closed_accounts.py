"""A session acting in a suspended or deleted account is refused by the router itself, with a
code saying why, except where it leaves the account; the upstream is never reached."""

import pytest

from shared.models.account import Account, AccountStatus
from shared.utilities import sessions
from tests.router.conftest import create_session


async def session_in(status: AccountStatus):
    agency = await Account(name="Agency").insert()
    client = await Account(name="Client", parent_id=agency.id, status=status).insert()
    return await create_session(client)


@pytest.mark.parametrize(
    ("status", "code"),
    [(AccountStatus.SUSPENDED, "account_suspended"), (AccountStatus.DELETED, "account_deleted")],
)
async def test_a_session_in_a_closed_account_answers_403_without_an_upstream_call(
    router, upstream, status, code
):
    closed = await session_in(status)

    response = await router.get("/v1/crm/contacts", headers={"x-session-id": closed.id})

    assert response.status_code == 403
    assert response.json()["error"]["code"] == code
    assert upstream.received == []


async def test_a_session_in_a_suspended_account_still_switches_to_another_account(router, upstream):
    closed = await session_in(AccountStatus.SUSPENDED)

    response = await router.post(
        "/v1/auth/switch-account", json={}, headers={"x-session-id": closed.id}
    )

    assert response.status_code == 200
    assert upstream.received[-1]["path"] == "/v1/auth/switch-account"
    assert upstream.last_headers()["authorization"].startswith("Bearer ")


async def test_a_suspension_cached_in_redis_is_refused_too(router, upstream, redis):
    closed = await session_in(AccountStatus.SUSPENDED)
    await router.get("/v1/users/me", headers={"x-session-id": closed.id})
    cached = await redis.get(sessions.session_key(sessions.hash_session_id(closed.id)))
    assert cached and '"account_status":"suspended"' in cached

    response = await router.get("/v1/crm/deals", headers={"x-session-id": closed.id})

    assert response.status_code == 403
    assert [seen["path"] for seen in upstream.received] == ["/v1/users/me"]


async def test_a_session_in_an_active_account_passes(router, upstream, session):
    response = await router.get("/v1/crm/contacts", headers={"x-session-id": session.id})

    assert response.status_code == 200
    assert upstream.received[-1]["path"] == "/v1/crm/contacts"


async def test_the_exchange_refuses_a_session_in_a_suspended_account_with_its_code(router):
    closed = await session_in(AccountStatus.SUSPENDED)

    response = await router.get(
        "/v1/auth/exchange",
        headers={
            "x-session-id": closed.id,
            "x-forwarded-method": "GET",
            "x-forwarded-uri": "/v1/crm/contacts",
        },
    )

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "account_suspended"
    assert "authorization" not in response.headers
