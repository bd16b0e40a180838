"""Verifying user and service tokens: every forgery and misuse answers 401, a missing scope 403."""

import base64
import hashlib
import hmac
import json
import time
from typing import Annotated

import jwt
import pytest
from fastapi import APIRouter, Depends

from shared.utilities.app import create_app
from shared.utilities.auth import (
    CurrentService,
    CurrentUser,
    Principal,
    TokenKind,
    authenticator_for,
    requires,
    requires_service,
    service_token,
    verified,
)
from shared.utilities.keys import development_key_pair, generate_key_pair
from shared.utilities.settings import ServiceSettings
from tests.factories import user_token

SETTINGS = ServiceSettings()
USER = Principal(
    kind=TokenKind.USER, sub="user-1", sid="session-1", account_id="account-1", scopes=["a:read"]
)


def protected_router() -> APIRouter:
    router = APIRouter()

    @router.get("/user")
    async def as_user(principal: CurrentUser) -> dict:
        return {"sub": principal.sub}

    @router.get("/service")
    async def as_service(principal: CurrentService) -> dict:
        return {"sub": principal.sub}

    @router.get("/socket-only")
    async def as_socket(
        principal: Annotated[Principal, Depends(requires_service("general_socket"))],
    ) -> dict:
        return {"sub": principal.sub}

    writer_or_socket = requires("a:write", services=("general_socket",))

    @router.get("/writer-or-socket", dependencies=[Depends(writer_or_socket)])
    async def as_writer_or_socket() -> dict:
        return {}

    @router.get("/writer", dependencies=[Depends(requires("a:read", "a:write"))])
    async def as_writer() -> dict:
        return {}

    verified_writer = verified(requires("a:write", services=("general_socket",)))

    @router.get("/verified-writer", dependencies=[Depends(verified_writer)])
    async def as_verified_writer() -> dict:
        return {}

    return router


@pytest.fixture
async def client(client_for):
    app = create_app(SETTINGS, title="protected", routers=[protected_router()])
    async with client_for(app) as client:
        yield client


def bearer(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


def claims(**overrides) -> dict:
    now = int(time.time())
    return {
        **USER.model_dump(),
        "iss": SETTINGS.jwt_issuer,
        "aud": SETTINGS.jwt_audience,
        "iat": now,
        "exp": now + 300,
        **overrides,
    }


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def hs256_signed_with(secret: bytes) -> str:
    """What PyJWT refuses to make: an HMAC token keyed with a PEM public key."""
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    payload = b64(json.dumps(claims()).encode())
    signature = hmac.new(secret, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{b64(signature)}"


async def test_a_valid_user_token_is_accepted(client):
    response = await client.get("/user", headers=bearer(user_token(USER)))

    assert response.status_code == 200
    assert response.json() == {"sub": "user-1"}


async def test_a_request_without_a_token_answers_401(client):
    response = await client.get("/user")

    assert response.status_code == 401


async def test_an_unsigned_token_alg_none_answers_401(client):
    token = jwt.encode(claims(), None, algorithm="none")

    response = await client.get("/user", headers=bearer(token))

    assert response.status_code == 401


async def test_an_hs256_token_keyed_with_the_public_key_answers_401(client):
    public_key = development_key_pair("user-tokens")[1].encode()

    response = await client.get("/user", headers=bearer(hs256_signed_with(public_key)))

    assert response.status_code == 401


async def test_an_expired_token_answers_401_saying_so(client):
    a_minute_ago = int(time.time()) - 60
    expired = jwt.encode(
        claims(iat=a_minute_ago - 300, exp=a_minute_ago),
        development_key_pair("user-tokens")[0],
        algorithm="EdDSA",
    )

    response = await client.get("/user", headers=bearer(expired))

    assert response.status_code == 401
    assert response.json()["error"]["message"] == "The token has expired."


async def test_a_token_for_another_audience_answers_401(client):
    response = await client.get("/user", headers=bearer(user_token(USER, audience="other-app")))

    assert response.status_code == 401


async def test_a_token_from_another_issuer_answers_401(client):
    response = await client.get("/user", headers=bearer(user_token(USER, issuer="someone-else")))

    assert response.status_code == 401


async def test_a_token_signed_by_another_ed25519_key_answers_401(client):
    foreign_key = generate_key_pair()[0]

    response = await client.get("/user", headers=bearer(user_token(USER, private_key=foreign_key)))

    assert response.status_code == 401


async def test_a_service_token_where_a_user_is_required_answers_401(client):
    token = service_token(authenticator_for(SETTINGS), "queue_manager", SETTINGS.service_name)

    response = await client.get("/user", headers=bearer(token))

    assert response.status_code == 401


async def test_a_user_token_where_a_service_is_required_answers_401(client):
    response = await client.get("/service", headers=bearer(user_token(USER)))

    assert response.status_code == 401


async def test_a_service_token_where_a_service_is_required_is_accepted(client):
    token = service_token(authenticator_for(SETTINGS), "queue_manager", SETTINGS.service_name)

    response = await client.get("/service", headers=bearer(token))

    assert response.json() == {"sub": "queue_manager"}


async def test_a_service_token_addressed_to_another_service_answers_401(client):
    """A token seen by one service (its logs, a compromised upstream) opens no other."""
    token = service_token(authenticator_for(SETTINGS), "queue_manager", "notifications")

    response = await client.get("/service", headers=bearer(token))

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


async def test_a_listed_caller_passes_a_route_that_names_its_callers(client):
    token = service_token(authenticator_for(SETTINGS), "general_socket", SETTINGS.service_name)

    response = await client.get("/socket-only", headers=bearer(token))

    assert response.json() == {"sub": "general_socket"}


@pytest.mark.parametrize("route", ["/socket-only", "/writer-or-socket"])
async def test_a_caller_the_route_does_not_list_answers_403_naming_it(client, route):
    token = service_token(authenticator_for(SETTINGS), "queue_manager", SETTINGS.service_name)

    response = await client.get(route, headers=bearer(token))

    assert response.status_code == 403
    assert response.json()["error"]["message"] == "The queue_manager service may not call this."


async def test_a_route_without_services_refuses_every_service_token(client):
    token = service_token(authenticator_for(SETTINGS), "general_socket", SETTINGS.service_name)

    response = await client.get("/writer", headers=bearer(token))

    assert response.status_code == 401


async def test_a_missing_scope_answers_403_naming_it(client):
    response = await client.get("/writer", headers=bearer(user_token(USER)))

    assert response.status_code == 403
    assert response.json()["error"]["message"] == "Missing scope: a:write."
    assert response.json()["error"]["details"] == [{"scope": "a:write"}]


async def test_a_user_whose_owner_has_not_confirmed_their_email_answers_403(client):
    writer = USER.model_copy(update={"scopes": ["a:write"]})

    refused = await client.get("/verified-writer", headers=bearer(user_token(writer)))
    confirmed = writer.model_copy(update={"owner_verified": True})
    allowed = await client.get("/verified-writer", headers=bearer(user_token(confirmed)))

    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "email_not_verified"
    assert allowed.status_code == 200


async def test_a_missing_scope_is_told_before_the_owners_email(client):
    response = await client.get("/verified-writer", headers=bearer(user_token(USER)))

    assert response.json()["error"]["details"] == [{"scope": "a:write"}]


async def test_a_service_never_waits_for_an_owners_email(client):
    token = service_token(authenticator_for(SETTINGS), "general_socket", SETTINGS.service_name)

    response = await client.get("/verified-writer", headers=bearer(token))

    assert response.status_code == 200
