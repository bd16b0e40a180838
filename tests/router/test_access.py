"""The session exchange on proxied requests: refused without a live session, a JWT otherwise."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

import jwt
import pytest

from router.access import RememberingSeal
from router.settings import RouterSettings
from shared.models.membership import ROLE_SCOPES, Role
from shared.utilities import sessions
from shared.utilities.auth import TokenVerifier
from shared.utilities.keys import development_key_pair
from tests.router.conftest import create_session


def verifier() -> TokenVerifier:
    settings = RouterSettings()
    public_key = development_key_pair("user-tokens")[1]
    return TokenVerifier(public_key, settings.jwt_issuer, settings.jwt_audience)


def forwarded_token(upstream) -> str:
    scheme, _, token = upstream.last_headers()["authorization"].partition(" ")
    assert scheme == "Bearer"
    return token


async def test_a_request_without_a_session_answers_401_without_an_upstream_call(router, upstream):
    response = await router.get("/v1/contacts")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert upstream.received == []


async def test_an_unknown_session_answers_401_without_an_upstream_call(router, upstream, mongo):
    response = await router.get("/v1/contacts", headers={"x-session-id": "not-a-session"})

    assert response.status_code == 401
    assert upstream.received == []


@pytest.mark.parametrize(
    "ended",
    [
        {"expires_at": datetime.now(UTC) - timedelta(minutes=1)},
        {"revoked_at": datetime.now(UTC) - timedelta(minutes=1)},
    ],
    ids=["expired", "revoked"],
)
async def test_an_ended_session_answers_401_without_an_upstream_call(router, upstream, ended):
    ended_session = await create_session(**ended)

    response = await router.get("/v1/contacts", headers={"x-session-id": ended_session.id})

    assert response.status_code == 401
    assert upstream.received == []


async def test_the_upstream_gets_a_jwt_of_the_session_verifiable_with_the_public_key(
    router, upstream, session
):
    await router.get("/v1/contacts", headers={"x-session-id": session.id})

    principal = verifier().verify(forwarded_token(upstream))
    assert (principal.sub, principal.sid, principal.account_id, principal.role) == (
        str(session.record.user_id),
        str(session.record.id),
        str(session.account.id),
        "admin",
    )


async def test_the_token_lives_at_most_five_minutes(router, upstream, session):
    await router.get("/v1/contacts", headers={"x-session-id": session.id})

    claims = jwt.decode(forwarded_token(upstream), options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] <= 300


async def test_the_session_id_is_not_passed_upstream(router, upstream, session):
    await router.get("/v1/contacts", headers={"x-session-id": session.id})

    assert "x-session-id" not in upstream.last_headers()


async def test_a_clients_own_authorization_is_replaced(router, upstream, session):
    await router.get(
        "/v1/contacts", headers={"x-session-id": session.id, "authorization": "Bearer forged"}
    )

    assert forwarded_token(upstream) != "forged"
    verifier().verify(forwarded_token(upstream))


async def test_a_clients_own_authorization_never_passes_on_a_public_route(router, upstream):
    await router.post("/v1/auth/login", headers={"authorization": "Bearer forged"})

    assert "authorization" not in upstream.last_headers()


async def test_a_public_route_passes_without_a_session(router, upstream):
    response = await router.post("/v1/auth/login")

    assert response.status_code == 200
    assert response.json()["path"] == "/v1/auth/login"


async def test_a_public_route_with_a_session_still_gets_the_jwt(router, upstream, session):
    await router.post("/v1/auth/login", headers={"x-session-id": session.id})

    verifier().verify(forwarded_token(upstream))


async def test_the_token_is_reused_across_requests_of_a_session(router, upstream, session):
    await router.get("/v1/contacts", headers={"x-session-id": session.id})
    first = forwarded_token(upstream)
    await router.get("/v1/deals", headers={"x-session-id": session.id})

    assert forwarded_token(upstream) == first


async def test_a_revoked_session_is_refused_on_the_very_next_request(
    router, upstream, session, redis
):
    assert (await router.get("/v1/contacts", headers={"x-session-id": session.id})).is_success

    await session.record.set({"revoked_at": datetime.now(UTC)})
    await sessions.forget(redis, sessions.hash_session_id(session.id))
    response = await router.get("/v1/contacts", headers={"x-session-id": session.id})

    assert response.status_code == 401
    assert len(upstream.received) == 1


def sealed_state(**overrides) -> sessions.SessionState:
    fields = {
        "session_id": "session-1",
        "user_id": "user-1",
        "account_id": "account-1",
        "agency_id": "agency-1",
        "role": Role.MEMBER,
        "scopes": ROLE_SCOPES[Role.MEMBER],
        "owner_verified": True,
        "expires_at": datetime.now(UTC) + timedelta(days=1),
        **overrides,
    }
    return sessions.SessionState(**fields)


def test_the_routers_seal_refuses_a_forged_state_after_opening_the_real_one():
    seal = RememberingSeal(b"the router's key")
    real = seal.seal(sealed_state())
    mac, _, body = real.partition(".")
    forged = f"{mac}.{body.replace('member', 'owner')}"

    opened = seal.open(real)

    assert opened is not None and opened.role is Role.MEMBER
    assert seal.open(forged) is None


def test_the_routers_seal_opens_a_changed_state_of_a_session_anew():
    seal = RememberingSeal(b"the router's key")
    seal.open(seal.seal(sealed_state()))

    changed = seal.open(seal.seal(sealed_state(role=Role.ADMIN, scopes=ROLE_SCOPES[Role.ADMIN])))

    assert changed is not None and changed.role is Role.ADMIN


@asynccontextmanager
async def silent_redis() -> AsyncIterator[str]:
    """A server that takes connections and never answers: a Redis that hangs."""

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read()  # until the client gives up
        writer.close()

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        yield f"redis://127.0.0.1:{port}/0"


async def test_a_session_store_that_hangs_answers_503_without_an_upstream_call(
    start_router, upstream
):
    async with (
        silent_redis() as redis_url,
        start_router(redis_url=redis_url, admission_timeout_seconds=0.2) as router,
    ):
        response = await router.get("/v1/contacts", headers={"x-session-id": "some-session"})

    assert response.status_code == 503
    assert response.json()["error"]["code"] == "admission_timeout"
    assert upstream.received == []
