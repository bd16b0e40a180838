"""Third parties' credentials at the router: an access token or API key exchanged for the JWT
of its account and scopes, never more than the user behind it holds; anything else refused
before any upstream."""

import pytest

from shared.domain.oauth.revocation import RevokedBecause, revoke_grants
from shared.domain.oauth.states import forget
from shared.models.account import Account, AccountStatus
from shared.models.api_key import ApiKey
from shared.models.base import utc_now
from shared.models.membership import ROLE_SCOPES, Membership, Role
from shared.utilities.secret_tokens import hash_token
from tests.factories import create_user
from tests.internal_api.oauth.factories import (
    create_api_app,
    create_api_key,
    create_grant,
    create_token,
)
from tests.router.test_access import forwarded_token, verifier

UNCACHED = {"bearer_cache_seconds": 0}


async def installed(role: Role = Role.ADMIN, **grant_overrides):
    """An app installed on a new account by a user with `role` there; the grant and the
    access token of a live pair."""
    account = await Account(name="Client").insert()
    user = await create_user()
    await Membership(
        account_id=account.id, user_id=user.id, role=role, scopes=ROLE_SCOPES[role]
    ).insert()
    app = await create_api_app(await Account(name="Developer").insert())
    grant = await create_grant(app, account, user, **grant_overrides)
    _, access, _ = await create_token(grant)
    return app, grant, access


def bearer(credential: str) -> dict[str, str]:
    return {"authorization": f"Bearer {credential}"}


async def test_an_access_token_is_exchanged_for_the_grants_account_scopes_and_app(router, upstream):
    app, grant, access = await installed()

    response = await router.get("/v1/crm/contacts", headers=bearer(access))

    assert response.status_code == 200
    claims = verifier().verify(forwarded_token(upstream))
    assert (claims.sub, claims.account_id) == (str(grant.user_id), str(grant.account_id))
    assert claims.scopes == ["contacts:read", "contacts:write"]
    assert claims.app_id == str(app.id)
    assert access not in str(upstream.last_headers())


async def test_a_token_never_carries_more_than_the_installing_user_holds(router, upstream):
    _, _, access = await installed(Role.CLIENT)  # a client may read contacts, not write them

    await router.get("/v1/crm/contacts", headers=bearer(access))

    assert verifier().verify(forwarded_token(upstream)).scopes == ["contacts:read"]


@pytest.mark.parametrize("credential", ["oat_unknown", "pk_unknown", "not-ours"])
async def test_an_unknown_credential_answers_401_without_an_upstream_call(
    router, upstream, credential
):
    response = await router.get("/v1/crm/contacts", headers=bearer(credential))

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert upstream.received == []


async def test_a_revoked_grants_token_is_refused_from_its_next_request(
    start_router, upstream, redis
):
    _, grant, access = await installed()
    async with start_router(**UNCACHED) as router:
        before = await router.get("/v1/crm/contacts", headers=bearer(access))
        await revoke_grants(redis, [grant.id], RevokedBecause.ACCOUNT)
        after = await router.get("/v1/crm/contacts", headers=bearer(access))

    assert (before.status_code, after.status_code) == (200, 401)
    assert len(upstream.received) == 1


async def test_an_expired_access_token_is_refused(router, upstream):
    _, grant, _ = await installed()
    _, expired, _ = await create_token(grant, access_expires_at=utc_now())

    response = await router.get("/v1/crm/contacts", headers=bearer(expired))

    assert response.status_code == 401
    assert upstream.received == []


async def test_an_api_key_acts_as_its_user_with_its_scopes(router, upstream):
    account = await Account(name="Agency").insert()
    user = await create_user()
    await Membership(
        account_id=account.id, user_id=user.id, role=Role.MEMBER, scopes=ROLE_SCOPES[Role.MEMBER]
    ).insert()
    key, secret = await create_api_key(account, user, scopes=["deals:read", "billing:read"])

    await router.get("/v1/crm/deals", headers=bearer(secret))

    claims = verifier().verify(forwarded_token(upstream))
    assert (claims.sub, claims.account_id) == (str(user.id), str(account.id))
    assert claims.scopes == ["deals:read"]  # a member holds no billing scope
    assert (claims.api_key_id, claims.app_id) == (str(key.id), "")


async def test_a_revoked_api_key_is_refused_from_its_next_request(start_router, upstream, redis):
    account = await Account(name="Agency").insert()
    user = await create_user()
    await Membership(
        account_id=account.id, user_id=user.id, role=Role.ADMIN, scopes=ROLE_SCOPES[Role.ADMIN]
    ).insert()
    key, secret = await create_api_key(account, user)
    async with start_router(**UNCACHED) as router:
        before = await router.get("/v1/crm/contacts", headers=bearer(secret))
        await key.set({ApiKey.revoked_at: utc_now()})
        await forget(redis, [hash_token(secret)])
        after = await router.get("/v1/crm/contacts", headers=bearer(secret))

    assert (before.status_code, after.status_code) == (200, 401)


async def test_a_third_party_credential_may_not_use_the_sessions_own_routes(router, upstream):
    _, _, access = await installed()

    response = await router.post("/v1/auth/logout", headers=bearer(access))

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "session_required"
    assert upstream.received == []


async def test_a_suspended_accounts_token_is_refused(router, upstream):
    _, grant, access = await installed()
    await Account.find_one({"_id": grant.account_id}).update(
        {"$set": {"status": AccountStatus.SUSPENDED}}
    )

    response = await router.get("/v1/crm/contacts", headers=bearer(access))

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "account_suspended"


async def test_an_apps_calls_are_limited_per_app_across_accounts_with_the_usual_headers(
    start_router, upstream
):
    app, _, access = await installed()
    _, elsewhere, _ = await installed()
    await elsewhere.set({"app_id": app.id})  # the same app, installed on another account
    _, elsewhere_access, _ = await create_token(elsewhere)
    async with start_router(rate_limit_per_app="2/minute") as router:
        first = await router.get("/v1/crm/contacts", headers=bearer(access))
        second = await router.get("/v1/crm/contacts", headers=bearer(access))
        third = await router.get("/v1/crm/contacts", headers=bearer(elsewhere_access))

    assert (first.status_code, second.status_code, third.status_code) == (200, 200, 429)
    assert first.headers["x-ratelimit-limit"] == "2"
    assert first.headers["x-ratelimit-remaining"] == "1"
    assert int(third.headers["retry-after"]) > 0


async def test_a_clients_basic_authentication_reaches_a_public_route(router, upstream):
    basic = {"authorization": "Basic YXBwX2lkOnNlY3JldA=="}

    response = await router.post("/v1/oauth/token", headers=basic)

    assert response.status_code == 200
    assert upstream.last_headers()["authorization"] == basic["authorization"]


async def test_a_bearer_credential_on_a_public_route_is_not_passed_on(router, upstream):
    _, _, access = await installed()

    await router.post("/v1/oauth/token", headers=bearer(access))

    assert "authorization" not in upstream.last_headers()


async def test_the_exchange_endpoint_exchanges_an_access_token(router, upstream):
    app, _, access = await installed()

    response = await router.get(
        "/v1/auth/exchange",
        headers={
            **bearer(access),
            "x-forwarded-method": "GET",
            "x-forwarded-uri": "/v1/crm/contacts",
        },
    )

    token = response.headers["authorization"].removeprefix("Bearer ")
    assert response.status_code == 200
    assert verifier().verify(token).app_id == str(app.id)
