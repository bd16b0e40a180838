"""An operator's read-only view as a user: the router lets its reads through with the claim in
the token, and refuses its writes itself (nothing reaches the upstream), but signing out."""

import pytest
from beanie import PydanticObjectId

from router.settings import RouterSettings
from shared.models.user import User
from shared.utilities.auth import TokenVerifier
from shared.utilities.keys import development_key_pair
from tests.router.conftest import create_session


def forwarded_principal(upstream):
    settings = RouterSettings()
    verifier = TokenVerifier(
        development_key_pair("user-tokens")[1], settings.jwt_issuer, settings.jwt_audience
    )
    return verifier.verify(upstream.last_headers()["authorization"].removeprefix("Bearer "))


@pytest.fixture
async def view(mongo):
    """A session of a user, viewed by an operator."""
    return await create_session(impersonated_by=PydanticObjectId())


async def test_a_views_read_passes_with_the_banner_claim(router, upstream, view):
    response = await router.get("/v1/crm/contacts", headers={"x-session-id": view.id})

    assert response.status_code == 200
    assert forwarded_principal(upstream).impersonated_by == str(view.record.impersonated_by)


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
async def test_a_views_write_is_refused_without_an_upstream_call(router, upstream, view, method):
    response = await router.request(method, "/v1/crm/contacts", headers={"x-session-id": view.id})

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "impersonation_read_only"
    assert upstream.received == []


async def test_a_view_signs_out(router, upstream, view):
    response = await router.post("/v1/auth/logout", headers={"x-session-id": view.id})

    assert response.status_code == 200  # the echo upstream's answer
    assert upstream.received[-1]["path"] == "/v1/auth/logout"


async def test_the_exchange_refuses_a_views_write_as_the_proxy_does(router, view):
    response = await router.get(
        "/v1/auth/exchange",
        headers={
            "x-session-id": view.id,
            "x-forwarded-method": "DELETE",
            "x-forwarded-uri": "/v1/crm/contacts/1",
        },
    )

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "impersonation_read_only"


async def test_an_operators_own_session_carries_the_operator_claim(router, upstream, session):
    await User.find_one({"_id": session.record.user_id}).update(
        {"$set": {"platform_operator": True}}
    )

    await router.post("/v1/crm/contacts", headers={"x-session-id": session.id})

    principal = forwarded_principal(upstream)
    assert (principal.operator, principal.impersonated_by) == (True, "")


async def test_an_ordinary_session_carries_no_operator_claim(router, upstream, session):
    await router.get("/v1/crm/contacts", headers={"x-session-id": session.id})

    assert forwarded_principal(upstream).operator is False


async def test_a_view_of_an_operator_carries_no_operator_claim(router, upstream, mongo):
    view = await create_session(impersonated_by=PydanticObjectId())
    await User.find_one({"_id": view.record.user_id}).update({"$set": {"platform_operator": True}})

    await router.get("/v1/crm/contacts", headers={"x-session-id": view.id})

    assert forwarded_principal(upstream).operator is False
