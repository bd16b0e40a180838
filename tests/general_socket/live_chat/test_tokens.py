"""Visitor tokens are their own kind: never a user token anywhere, and a user token is never
one; the key signing them is required in distributed mode."""

import time

import pytest

from general_socket.live_chat.tokens import Visitor, VisitorTokens
from general_socket.settings import GeneralSocketSettings
from internal_api.app import create_app as create_internal_api
from internal_api.settings import InternalApiSettings
from shared.utilities.auth import Principal, TokenKind, authenticator_for
from shared.utilities.errors import Unauthorized
from shared.utilities.keys import generate_key_pair
from shared.utilities.settings import RunMode
from tests.factories import user_token


@pytest.fixture
def tokens() -> VisitorTokens:
    return VisitorTokens.for_settings(GeneralSocketSettings())


def visitor() -> Visitor:
    return Visitor.new(account_id="665f1c2b9d1e4a0012345678", widget_id="665f1c2b9d1e4a0012345679")


def test_a_visitor_token_carries_the_visitor_back(tokens):
    placed = visitor().model_copy(update={"conversation_id": "c1", "prospect_id": "p1"})

    verified = tokens.verify(tokens.issue(placed)["visitor_token"])

    assert verified == placed
    assert (verified.kind, verified.scopes) == (TokenKind.VISITOR, ["is-auth-visitor"])


def test_a_visitor_token_is_not_a_user_token(tokens):
    token = tokens.issue(visitor())["visitor_token"]

    with pytest.raises(Unauthorized):
        authenticator_for(GeneralSocketSettings()).users.verify(token)


def test_a_user_token_is_not_a_visitor_token(tokens):
    token = user_token(Principal(kind=TokenKind.USER, sub="u1", account_id="a1"))

    with pytest.raises(Unauthorized):
        tokens.verify(token)


def test_an_expired_visitor_token_is_refused(tokens):
    token, _ = tokens.signer.sign(visitor(), now=time.time() - 10 * 24 * 3600)

    with pytest.raises(Unauthorized, match="expired"):
        tokens.verify(token)


async def test_the_internal_api_refuses_a_visitor_token(client_for, mongo, tokens):
    token = tokens.issue(visitor())["visitor_token"]

    async with client_for(create_internal_api(InternalApiSettings())) as api:
        response = await api.get(
            "/v1/notifications-center", headers={"authorization": f"Bearer {token}"}
        )

    assert response.status_code == 401


def test_distributed_mode_needs_the_visitor_key():
    backends = {
        "mongo_url": "mongodb://mongo",
        "redis_url": "redis://redis",
        "jwt_public_key": generate_key_pair()[1],
        "service_token_public_key": generate_key_pair()[1],
    }

    with pytest.raises(ValueError, match="GENERAL_SOCKET_VISITOR_TOKEN_PRIVATE_KEY is required"):
        GeneralSocketSettings(mode=RunMode.DISTRIBUTED, **backends)
    GeneralSocketSettings(
        mode=RunMode.DISTRIBUTED, visitor_token_private_key=generate_key_pair()[0], **backends
    )
