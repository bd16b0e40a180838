"""`GET /v1/auth/exchange`, which Traefik's forwardAuth calls before each request."""

from router.settings import RouterSettings
from shared.utilities.auth import TokenVerifier
from shared.utilities.keys import development_key_pair


async def test_a_live_session_is_exchanged_for_a_bearer_token(router, upstream, session):
    response = await router.get("/v1/auth/exchange", headers={"x-session-id": session.id})

    assert response.status_code == 200
    scheme, _, token = response.headers["authorization"].partition(" ")
    settings = RouterSettings()
    verifier = TokenVerifier(
        development_key_pair("user-tokens")[1], settings.jwt_issuer, settings.jwt_audience
    )
    assert (scheme, verifier.verify(token).sid) == ("Bearer", str(session.record.id))
    assert upstream.received == []


async def test_no_session_answers_401(router):
    response = await router.get("/v1/auth/exchange")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


async def test_an_unknown_session_answers_401(router):
    response = await router.get("/v1/auth/exchange", headers={"x-session-id": "not-a-session"})

    assert response.status_code == 401


async def test_a_public_route_named_by_traefik_passes_without_a_token(router):
    response = await router.get(
        "/v1/auth/exchange",
        headers={"x-forwarded-method": "POST", "x-forwarded-uri": "/v1/auth/login?next=/home"},
    )

    assert response.status_code == 200
    assert "authorization" not in response.headers
