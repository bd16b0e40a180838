"""The consent API the dashboard's page renders: what it shows, and the user's answer made into
the redirect back to the app."""

from shared.models.api_authorization_code import ApiAuthorizationCode
from shared.models.api_grant import ApiGrant
from shared.models.membership import Role
from tests.factories import create_account, create_signed_in, create_sub_account
from tests.internal_api.oauth.factories import (
    REDIRECT_URI,
    approve,
    authorization_query,
    consent_page,
    create_api_app,
    pkce,
    returned,
)


async def test_the_page_shows_the_app_its_scopes_and_where_the_user_may_install_it(api):
    agency_owner = await create_signed_in()
    client = await create_sub_account(agency_owner.account, name="Client")
    app = await create_api_app(await create_account(name="Developer"))

    shown = await api.get(consent_page(authorization_query(app)), headers=agency_owner.headers)

    assert shown.status_code == 200
    assert shown.json()["app"]["name"] == "Acme Sync"
    assert [scope["scope"] for scope in shown.json()["scopes"]] == [
        "contacts:read",
        "contacts:write",
    ]
    assert shown.json()["scopes"][0]["description"]
    assert {account["id"] for account in shown.json()["accounts"]} == {
        str(agency_owner.account.id),
        str(client.id),
    }


async def test_approving_installs_the_app_and_answers_a_code_with_the_state(api):
    owner = await create_signed_in()
    app = await create_api_app(await create_account(name="Developer"))
    _, challenge = pkce()

    decided = await approve(
        api, owner.headers, authorization_query(app, challenge), str(owner.account.id)
    )

    back = returned(decided.json()["redirect_to"])
    assert decided.json()["redirect_to"].startswith(REDIRECT_URI + "?")
    assert back["state"] == "the-apps-state"
    grant = await ApiGrant.find_one({"app_id": app.id})
    assert (grant.account_id, grant.user_id) == (owner.account.id, owner.user.id)
    code = await ApiAuthorizationCode.find_one({"grant_id": grant.id})
    assert (code.code_challenge, code.code_challenge_method) == (challenge, "S256")
    assert back["code"] not in str(code.model_dump())  # only its hash is stored


async def test_denying_answers_access_denied_and_installs_nothing(api):
    owner = await create_signed_in()
    app = await create_api_app(await create_account(name="Developer"))
    body = authorization_query(app) | {"approve": False}

    decided = await api.post("/v1/oauth/authorize", json=body, headers=owner.headers)

    back = returned(decided.json()["redirect_to"])
    assert (back["error"], back["state"]) == ("access_denied", "the-apps-state")
    assert "code" not in back
    assert await ApiGrant.find_all().count() == 0


async def test_the_app_gets_only_the_scopes_the_user_holds_there(api):
    owner = await create_signed_in()
    client_user = await create_signed_in(account=owner.account, role=Role.CLIENT)
    app = await create_api_app(await create_account(name="Developer"))

    await approve(api, client_user.headers, authorization_query(app), str(owner.account.id))

    grant = await ApiGrant.find_one({"app_id": app.id})
    assert grant.scopes == ["contacts:read"]


async def test_an_account_the_user_is_not_in_is_refused(api):
    owner, stranger = await create_signed_in(), await create_signed_in()
    app = await create_api_app(await create_account(name="Developer"))

    refused = await approve(api, owner.headers, authorization_query(app), str(stranger.account.id))

    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "account_not_installable"
    assert await ApiGrant.find_all().count() == 0


async def test_a_scope_the_app_did_not_register_sends_the_user_back_with_invalid_scope(api):
    owner = await create_signed_in()
    app = await create_api_app(await create_account(name="Developer"))

    shown = await api.get(
        consent_page(authorization_query(app, scope="contacts:read billing:write")),
        headers=owner.headers,
    )

    detail = shown.json()["error"]["details"][0]
    assert shown.status_code == 400
    assert detail["error"] == "invalid_scope"
    assert returned(detail["redirect_to"])["error"] == "invalid_scope"


async def test_a_public_app_without_pkce_is_refused(api):
    owner = await create_signed_in()
    app = await create_api_app(await create_account(name="Developer"), client_type="public")

    shown = await api.get(consent_page(authorization_query(app)), headers=owner.headers)

    assert shown.status_code == 400
    assert shown.json()["error"]["details"][0]["error"] == "invalid_request"


async def test_a_plain_pkce_challenge_is_refused(api):
    owner = await create_signed_in()
    app = await create_api_app(await create_account(name="Developer"))
    query = authorization_query(app, "x" * 43) | {"code_challenge_method": "plain"}

    shown = await api.get(consent_page(query), headers=owner.headers)

    assert shown.json()["error"]["details"][0]["error"] == "invalid_request"


async def test_an_unknown_client_is_shown_to_the_user_only(api):
    owner = await create_signed_in()
    query = {"response_type": "code", "client_id": "app_nobody", "redirect_uri": REDIRECT_URI}

    shown = await api.get(consent_page(query), headers=owner.headers)

    assert shown.status_code == 400
    assert shown.json()["error"]["details"][0]["error"] == "invalid_client"
    assert "redirect_to" not in shown.json()["error"]["details"][0]
