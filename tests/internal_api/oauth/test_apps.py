"""Registering apps: the secret shown once and stored hashed, redirect URIs and scopes checked,
an admin's session only; deleting one revokes its grants."""

import pytest

from shared.models.api_app import ApiApp
from shared.models.api_grant import ApiGrant
from shared.models.membership import Role
from shared.utilities.auth import Principal
from shared.utilities.secret_tokens import hash_token
from tests.factories import create_signed_in, user_token
from tests.internal_api.oauth.factories import REDIRECT_URI, create_api_app, create_grant

APPS = "/v1/oauth/apps"


def app_body(**overrides) -> dict:
    body = {"name": "Acme Sync", "redirect_uris": [REDIRECT_URI], "scopes": ["contacts:read"]}
    return body | overrides


async def test_a_confidential_apps_secret_is_answered_once_and_stored_hashed(api):
    owner = await create_signed_in()

    created = await api.post(APPS, json=app_body(), headers=owner.headers)
    read = await api.get(f"{APPS}/{created.json()['id']}", headers=owner.headers)

    secret = created.json()["client_secret"]
    assert created.status_code == 201
    assert secret.startswith("cs_") and created.json()["client_id"].startswith("app_")
    stored = await ApiApp.get(created.json()["id"])
    assert stored.client_secret_hash == hash_token(secret)
    assert "client_secret" not in read.json()
    assert read.json()["secret_hint"] == secret[-4:]


async def test_a_public_app_has_no_secret(api):
    owner = await create_signed_in()

    created = await api.post(APPS, json=app_body(client_type="public"), headers=owner.headers)

    assert created.json()["client_secret"] is None
    assert (await ApiApp.get(created.json()["id"])).client_secret_hash is None


@pytest.mark.parametrize(
    "uri",
    [
        "http://acme.example/callback",
        "https://acme.example/callback#fragment",
        "javascript:alert(1)",
        "/relative",
    ],
)
async def test_a_redirect_uri_that_could_leak_the_code_is_refused(api, uri):
    owner = await create_signed_in()

    refused = await api.post(
        APPS, json=app_body() | {"redirect_uris": [uri]}, headers=owner.headers
    )

    assert refused.status_code == 422
    assert await ApiApp.find_all().count() == 0


@pytest.mark.parametrize(
    "uri", ["http://127.0.0.1:8765/callback", "http://localhost/cb", "com.acme.sync:/callback"]
)
async def test_loopback_and_native_redirect_uris_are_taken(api, uri):
    owner = await create_signed_in()

    created = await api.post(
        APPS, json=app_body() | {"redirect_uris": [uri]}, headers=owner.headers
    )

    assert created.status_code == 201


async def test_a_scope_the_platform_does_not_have_is_refused(api):
    owner = await create_signed_in()

    refused = await api.post(
        APPS, json=app_body() | {"scopes": ["contacts:read", "root"]}, headers=owner.headers
    )

    assert refused.status_code == 422


async def test_a_member_cannot_register_an_app(api):
    owner = await create_signed_in()
    member = await create_signed_in(account=owner.account, role=Role.MEMBER)

    refused = await api.post(APPS, json=app_body(), headers=member.headers)

    assert refused.status_code == 403
    assert await ApiApp.find_all().count() == 0


async def test_an_apps_own_token_cannot_register_apps(api):
    owner = await create_signed_in()
    as_app = Principal(
        **owner.state.principal().model_dump() | {"app_id": "665f1c2b9f1b2c3d4e5f6a7b"}
    )

    refused = await api.post(
        APPS, json=app_body(), headers={"authorization": f"Bearer {user_token(as_app)}"}
    )

    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "session_required"


async def test_a_new_secret_replaces_the_old_one(api):
    owner = await create_signed_in()
    app = await create_api_app(owner.account)

    rotated = await api.post(f"{APPS}/{app.id}/secret", headers=owner.headers)

    stored = await ApiApp.get(app.id)
    assert stored.client_secret_hash == hash_token(rotated.json()["client_secret"])


async def test_another_accounts_app_is_not_found(api):
    owner, stranger = await create_signed_in(), await create_signed_in()
    app = await create_api_app(stranger.account)

    refused = await api.patch(f"{APPS}/{app.id}", json={"name": "Mine"}, headers=owner.headers)

    assert refused.status_code == 404
    assert (await ApiApp.get(app.id)).name == "Acme Sync"


async def test_deleting_an_app_revokes_its_grants_everywhere(api):
    owner, installer = await create_signed_in(), await create_signed_in()
    app = await create_api_app(owner.account)
    grant = await create_grant(app, installer.account, installer.user)

    deleted = await api.delete(f"{APPS}/{app.id}", headers=owner.headers)

    assert deleted.status_code == 204
    assert (await ApiGrant.get(grant.id)).revoked_reason == "app_deleted"
    assert (await api.get(f"{APPS}/{app.id}", headers=owner.headers)).status_code == 404
