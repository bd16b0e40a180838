"""The token, revocation and introspection endpoints in-process, in RFC 6749's answer shape:
what a client library reads. The whole flow with authlib's client is in
tests/e2e/test_oauth_chain.py."""

from base64 import b64encode

from internal_api.settings import InternalApiSettings
from shared.models.api_grant import ApiGrant
from shared.models.api_token import ApiToken
from shared.utilities.auth import authenticator_for, service_token
from shared.utilities.secret_tokens import hash_token
from tests.factories import create_account, create_signed_in
from tests.internal_api.oauth.factories import (
    REDIRECT_URI,
    SECRET,
    approve,
    authorization_query,
    create_api_app,
    create_grant,
    create_token,
    pkce,
    returned,
)

TOKEN = "/v1/oauth/token"


def basic(app) -> dict[str, str]:
    credentials = b64encode(f"{app.client_id}:{SECRET}".encode()).decode()
    return {"authorization": f"Basic {credentials}"}


async def code_for(api, app, owner, challenge=None) -> str:
    decided = await approve(
        api, owner.headers, authorization_query(app, challenge), str(owner.account.id)
    )
    return returned(decided.json()["redirect_to"])["code"]


def exchange(code: str, **fields) -> dict:
    return {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT_URI} | fields


async def test_a_code_is_exchanged_for_tokens_stored_hashed(api):
    owner = await create_signed_in()
    app = await create_api_app(await create_account(name="Developer"))
    verifier, challenge = pkce()
    code = await code_for(api, app, owner, challenge)

    answer = await api.post(TOKEN, data=exchange(code, code_verifier=verifier), headers=basic(app))

    token = answer.json()
    assert answer.status_code == 200
    assert answer.headers["cache-control"] == "no-store"
    assert token["expires_in"] == 3600
    stored = await ApiToken.find_one({"access_token_hash": hash_token(token["access_token"])})
    assert stored.refresh_token_hash == hash_token(token["refresh_token"])
    assert stored.scopes == ["contacts:read", "contacts:write"]


async def test_a_wrong_pkce_verifier_is_refused(api):
    owner = await create_signed_in()
    app = await create_api_app(await create_account(name="Developer"))
    _, challenge = pkce()
    code = await code_for(api, app, owner, challenge)

    answer = await api.post(TOKEN, data=exchange(code, code_verifier=pkce()[0]), headers=basic(app))

    assert (answer.status_code, answer.json()["error"]) == (400, "invalid_grant")
    assert await ApiToken.find_all().count() == 0


async def test_another_redirect_uri_at_the_token_endpoint_is_refused(api):
    owner = await create_signed_in()
    app = await create_api_app(await create_account(name="Developer"))
    code = await code_for(api, app, owner)

    answer = await api.post(
        TOKEN,
        data=exchange(code, redirect_uri="https://acme.example/other"),
        headers=basic(app),
    )

    assert answer.json()["error"] == "invalid_grant"


async def test_a_wrong_client_secret_is_refused_with_401(api):
    owner = await create_signed_in()
    app = await create_api_app(await create_account(name="Developer"))
    code = await code_for(api, app, owner)
    wrong = b64encode(f"{app.client_id}:cs_wrong".encode()).decode()

    answer = await api.post(TOKEN, data=exchange(code), headers={"authorization": f"Basic {wrong}"})

    assert (answer.status_code, answer.json()["error"]) == (401, "invalid_client")


async def test_a_public_client_exchanges_its_code_with_its_verifier_alone(api):
    owner = await create_signed_in()
    app = await create_api_app(await create_account(name="Developer"), client_type="public")
    verifier, challenge = pkce()
    code = await code_for(api, app, owner, challenge)

    answer = await api.post(
        TOKEN, data=exchange(code, client_id=app.client_id, code_verifier=verifier)
    )

    assert answer.status_code == 200


async def test_a_replayed_code_revokes_the_grant(api):
    owner = await create_signed_in()
    app = await create_api_app(await create_account(name="Developer"))
    code = await code_for(api, app, owner)
    first = await api.post(TOKEN, data=exchange(code), headers=basic(app))

    replayed = await api.post(TOKEN, data=exchange(code), headers=basic(app))

    assert (first.status_code, replayed.json()["error"]) == (200, "invalid_grant")
    grant = await ApiGrant.find_one({"app_id": app.id})
    assert grant.revoked_reason == "code_replayed"
    assert (await ApiToken.find_one({"grant_id": grant.id})).revoked_at is not None


async def test_a_reused_refresh_token_revokes_the_grant(api):
    owner = await create_signed_in()
    app = await create_api_app(await create_account(name="Developer"))
    grant = await create_grant(app, owner.account, owner.user)
    _, _, refresh = await create_token(grant)
    refreshing = {"grant_type": "refresh_token", "refresh_token": refresh}
    rotated = await api.post(TOKEN, data=refreshing, headers=basic(app))

    reused = await api.post(TOKEN, data=refreshing, headers=basic(app))

    assert rotated.json()["refresh_token"] != refresh
    assert reused.json()["error"] == "invalid_grant"
    assert (await ApiGrant.get(grant.id)).revoked_reason == "refresh_token_reused"
    assert await ApiToken.find({"grant_id": grant.id, "revoked_at": None}).count() == 0


async def test_revoking_a_refresh_token_ends_its_pair(api):
    owner = await create_signed_in()
    app = await create_api_app(await create_account(name="Developer"))
    token, _, refresh = await create_token(await create_grant(app, owner.account, owner.user))

    answer = await api.post(
        "/v1/oauth/revoke",
        data={"token": refresh, "token_type_hint": "refresh_token"},
        headers=basic(app),
    )

    assert answer.status_code == 200
    assert (await ApiToken.get(token.id)).revoked_at is not None


async def test_introspection_answers_a_platform_service_what_a_token_may_do(api):
    owner = await create_signed_in()
    app = await create_api_app(await create_account(name="Developer"))
    _, access, _ = await create_token(await create_grant(app, owner.account, owner.user))
    service = service_token(
        authenticator_for(InternalApiSettings()), "queue_manager", "internal_api"
    )

    answer = await api.post(
        "/v1/oauth/introspect",
        data={"token": access},
        headers={"authorization": f"Bearer {service}"},
    )

    assert answer.json()["active"] is True
    assert answer.json()["client_id"] == app.client_id
    assert answer.json()["scope"] == "contacts:read contacts:write"
    assert answer.json()["account_id"] == str(owner.account.id)


async def test_introspection_takes_a_service_token_only(api):
    owner = await create_signed_in()

    refused = await api.post("/v1/oauth/introspect", data={"token": "x"}, headers=owner.headers)

    assert refused.status_code == 401


async def test_the_metadata_is_valid_rfc_8414(api):
    answer = await api.get("/.well-known/oauth-authorization-server")

    assert answer.status_code == 200
    assert answer.json()["grant_types_supported"] == ["authorization_code", "refresh_token"]
    assert "contacts:write" in answer.json()["scopes_supported"]
