"""A third party's app, as its developer would write it with authlib's OAuth client (the
example of docs/api.md, run as it is printed there), against gateway -> router -> internal_api
on real ports: the user consents through the dashboard's chain, the app exchanges the code with
PKCE, calls the API with its token, refreshes and disconnects."""

import re
from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from authlib.integrations.base_client import OAuthError

from gateway.app import create_app as create_gateway
from gateway.settings import GatewaySettings
from internal_api.app import create_app as create_internal_api
from internal_api.settings import InternalApiSettings
from router.app import create_app as create_router
from router.settings import RouterSettings
from shared.models.contact import Contact
from shared.models.crm_log import CrmLog
from tests.factories import create_contact, create_signed_in, create_sub_account
from tests.fixtures import free_port, running
from tests.internal_api.oauth.factories import REDIRECT_URI, approve, consent_page, returned

EXAMPLE = re.search(
    r"## A complete example.*?```python\n(.*?)```",
    (Path(__file__).resolve().parents[2] / "docs/api.md").read_text(),
    re.S,
).group(1)
NO_LIMITS = {f"rate_limit_per_{kind}": "" for kind in ("account", "session", "ip", "app")}
# The router reads each credential's state from Redis on every request, so a revocation holds
# on the very next one (by default a router serves what it read for up to two seconds).
UNCACHED = {"bearer_cache_seconds": 0}


@pytest.fixture(scope="module")
async def platform() -> AsyncIterator[tuple[httpx.AsyncClient, str]]:
    """The dashboard's client of the gateway, and the gateway's URL: the issuer."""
    gateway_port = free_port()
    issuer = f"http://127.0.0.1:{gateway_port}"
    internal_api = create_internal_api(
        InternalApiSettings(oauth_issuer=issuer, oauth_authorize_url=f"{issuer}/oauth/authorize")
    )
    async with running(internal_api) as internal_api_url:
        router = create_router(
            RouterSettings(internal_api_url=internal_api_url, **NO_LIMITS, **UNCACHED)
        )
        async with running(router) as router_url:
            gateway = create_gateway(GatewaySettings(router_url=router_url))
            async with (
                running(gateway, port=gateway_port),
                httpx.AsyncClient(base_url=issuer, timeout=30) as client,
            ):
                yield client, issuer


@pytest.fixture
def dashboard(platform, mongo) -> httpx.AsyncClient:
    return platform[0]


async def third_party_app(platform, owner) -> SimpleNamespace:
    """The app registered by its developer's account, and the docs' example code set up with
    its credentials."""
    dashboard, issuer = platform
    registered = await dashboard.post(
        "/v1/oauth/apps",
        json={
            "name": "Acme Sync",
            "redirect_uris": [REDIRECT_URI],
            "scopes": ["contacts:read", "contacts:write"],
        },
        headers=owner.session_headers,
    )
    assert registered.status_code == 201
    example: dict = {}
    exec(EXAMPLE, example)  # the documentation's code, as printed
    example |= {
        "PLATFORM": issuer,
        "CLIENT_ID": registered.json()["client_id"],
        "CLIENT_SECRET": registered.json()["client_secret"],
        "REDIRECT_URI": REDIRECT_URI,
    }
    return SimpleNamespace(**example, id=registered.json()["id"])


async def connect(app, dashboard, user, account_id: str) -> dict:
    url, state, verifier = await app.start_authorization()
    decided = await approve(dashboard, user.session_headers, url, account_id)
    return await app.finish_authorization(decided.json()["redirect_to"], state, verifier)


def bearer(token: dict) -> dict[str, str]:
    return {"authorization": f"Bearer {token['access_token']}"}


async def test_an_app_connects_with_authlib_calls_the_api_and_is_attributed(platform, dashboard):
    owner = await create_signed_in()
    app = await third_party_app(platform, owner)

    token = await connect(app, dashboard, owner, str(owner.account.id))
    created = await app.add_contact(token, "ada@example.com", None)

    assert token["token_type"] == "Bearer"
    assert token["access_token"].startswith("oat_")
    assert (token["scope"], token["account_id"]) == (
        "contacts:read contacts:write",
        str(owner.account.id),
    )
    contact = await Contact.get(created["id"])
    assert contact.account_id == owner.account.id
    logged = await CrmLog.find_one({"entity_id": contact.id})
    assert (str(logged.actor_id), str(logged.app_id)) == (str(owner.user.id), app.id)


async def test_a_refreshed_token_works_and_a_disconnected_one_is_refused(platform, dashboard):
    owner = await create_signed_in()
    app = await third_party_app(platform, owner)
    token = await connect(app, dashboard, owner, str(owner.account.id))

    refreshed = await app.refresh(token)
    listed = await dashboard.get("/v1/crm/contacts", headers=bearer(refreshed))
    await app.disconnect(refreshed)
    after = await dashboard.get("/v1/crm/contacts", headers=bearer(refreshed))

    assert refreshed["refresh_token"] != token["refresh_token"]
    assert listed.status_code == 200
    assert after.status_code == 401


async def test_a_reused_refresh_token_revokes_the_whole_grant(platform, dashboard):
    owner = await create_signed_in()
    app = await third_party_app(platform, owner)
    token = await connect(app, dashboard, owner, str(owner.account.id))
    refreshed = await app.refresh(token)

    with pytest.raises(OAuthError) as reused:
        await app.refresh(token)
    after = await dashboard.get("/v1/crm/contacts", headers=bearer(refreshed))
    with pytest.raises(OAuthError) as next_refresh:
        await app.refresh(refreshed)

    assert reused.value.error == "invalid_grant"
    assert after.status_code == 401
    assert next_refresh.value.error == "invalid_grant"


async def test_a_replayed_code_is_refused_and_revokes_what_it_gave(platform, dashboard):
    owner = await create_signed_in()
    app = await third_party_app(platform, owner)
    url, state, verifier = await app.start_authorization()
    callback = (await approve(dashboard, owner.session_headers, url, str(owner.account.id))).json()
    token = await app.finish_authorization(callback["redirect_to"], state, verifier)

    with pytest.raises(OAuthError) as replayed:
        await app.finish_authorization(callback["redirect_to"], state, verifier)
    after = await dashboard.get("/v1/crm/contacts", headers=bearer(token))

    assert replayed.value.error == "invalid_grant"
    assert after.status_code == 401


async def test_a_redirect_uri_the_app_did_not_register_is_shown_to_the_user_only(
    platform, dashboard
):
    owner = await create_signed_in()
    app = await third_party_app(platform, owner)
    url, _, _ = await app.start_authorization()
    query = returned(url) | {"redirect_uri": "https://attacker.example/callback"}

    shown = await dashboard.get(consent_page(query), headers=owner.session_headers)
    decided = await approve(dashboard, owner.session_headers, query, str(owner.account.id))

    for answer in (shown, decided):
        assert answer.status_code == 400
        assert answer.json()["error"]["code"] == "invalid_authorization_request"
        assert answer.json()["error"]["details"][0]["error"] == "invalid_request"
        assert "redirect_to" not in answer.json()["error"]["details"][0]


async def test_a_token_for_one_sub_account_finds_nothing_of_another(platform, dashboard):
    agency_owner = await create_signed_in()
    first = await create_sub_account(agency_owner.account, name="First client")
    second = await create_sub_account(agency_owner.account, name="Second client")
    ours, theirs = await create_contact(first), await create_contact(second)
    app = await third_party_app(platform, agency_owner)

    token = await connect(app, dashboard, agency_owner, str(first.id))
    own = await dashboard.get(f"/v1/crm/contacts/{ours.id}", headers=bearer(token))
    other = await dashboard.get(f"/v1/crm/contacts/{theirs.id}", headers=bearer(token))

    assert token["account_id"] == str(first.id)
    assert own.status_code == 200
    assert other.status_code == 404
    assert other.json()["error"]["code"] == "not_found"


async def test_the_metadata_is_served_publicly_through_the_gateway(platform, dashboard):
    _, issuer = platform

    answer = await dashboard.get("/.well-known/oauth-authorization-server")

    assert answer.status_code == 200
    assert answer.json()["issuer"] == issuer
    assert answer.json()["token_endpoint"] == f"{issuer}/v1/oauth/token"
    assert answer.json()["code_challenge_methods_supported"] == ["S256"]
