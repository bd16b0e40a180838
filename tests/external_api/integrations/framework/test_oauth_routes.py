"""OAuth connect through the routes, on Google Analytics: the authorize URL with a sealed,
single-use, expiring state and PKCE, bound to who started it; completing (the dashboard posting
the code and state with the same session) exchanges the code and stores the tokens sealed;
disconnect revokes the grant."""

import json
import time
from urllib.parse import parse_qs, urlsplit

from beanie import PydanticObjectId

from external_api.integrations.framework.oauth import code_challenge
from external_api.integrations.framework.state import ConnectState
from shared.models.google_analytics_token import GoogleAnalyticsToken
from shared.models.integration_credential import ConnectionStatus
from shared.models.membership import Role
from tests.external_api.conftest import (
    DASHBOARD,
    GOOGLE_CLIENT_ID,
    GOOGLE_CLIENT_SECRET,
    headers_for,
)
from tests.external_api.factories import BOX, create_connection
from tests.external_api.fakes import form_of, json_answer
from tests.external_api.fakes.google import (
    AUTHORIZE_URL,
    INVALID_GRANT,
    REVOKE_URL,
    TOKEN_URL,
    token_answer,
)

START = "/v1/e/google-analytics/auth/start"
COMPLETE = "/v1/e/google-analytics/auth/complete"
REDIRECT_URI = f"{DASHBOARD}/integrations/google-analytics/callback"


async def started(external, headers, **params) -> dict[str, str]:
    """The authorize URL's query, from a connect the user started."""
    response = await external.get(START, headers=headers, params=params)
    assert response.status_code == 200, response.text
    url = urlsplit(response.json()["authorize_url"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == AUTHORIZE_URL
    return {name: values[0] for name, values in parse_qs(url.query).items()}


async def complete(external, headers, state: str, path: str = COMPLETE, **given):
    """What the dashboard's callback page posts: the state and the provider's code (or error)."""
    return await external.post(path, json={"state": state, **given}, headers=headers)


async def test_start_answers_googles_consent_url_with_pkce_and_offline_access(external, admin):
    query = await started(external, admin)

    assert query["response_type"] == "code"
    assert query["client_id"] == GOOGLE_CLIENT_ID
    assert query["redirect_uri"] == REDIRECT_URI
    assert query["scope"] == "https://www.googleapis.com/auth/analytics.readonly"
    assert query["code_challenge_method"] == "S256"
    assert len(query["code_challenge"]) == 43
    assert query["access_type"] == "offline"
    assert query["prompt"] == "consent"
    assert query["state"]


async def test_the_state_carries_no_readable_account_or_user(external, admin, account_id):
    query = await started(external, admin)

    assert account_id not in query["state"]
    assert "user-1" not in query["state"]


async def test_completing_exchanges_the_code_with_the_pkce_verifier(external, admin, fake):
    fake.on("POST", TOKEN_URL, json_answer(token_answer()))
    query = await started(external, admin)

    await complete(external, admin, query["state"], code="4/code")

    (sent,) = fake.sent("POST", TOKEN_URL)
    form = form_of(sent)
    assert sent.headers["content-type"] == "application/x-www-form-urlencoded"
    assert form["grant_type"] == "authorization_code"
    assert form["code"] == "4/code"
    assert form["redirect_uri"] == REDIRECT_URI
    assert form["client_id"] == GOOGLE_CLIENT_ID
    assert form["client_secret"] == GOOGLE_CLIENT_SECRET
    assert code_challenge(form["code_verifier"]) == query["code_challenge"]


async def test_completing_answers_the_dashboard_path_it_started_from(external, admin, fake):
    fake.on("POST", TOKEN_URL, json_answer(token_answer()))
    query = await started(external, admin, return_path="/settings/integrations")

    response = await complete(external, admin, query["state"], code="4/code")

    assert response.status_code == 200
    assert response.json() == {
        "integration": "google-analytics",
        "status": "connected",
        "reason": None,
        "return_path": "/settings/integrations",
    }


async def test_completing_stores_the_tokens_sealed_for_the_account(
    external, admin, fake, account_id
):
    fake.on("POST", TOKEN_URL, json_answer(token_answer("ya29.fresh", "1//refresh")))
    query = await started(external, admin)

    await complete(external, admin, query["state"], code="4/code")

    credential = await GoogleAnalyticsToken.find_one({"account_id": PydanticObjectId(account_id)})
    raw = json.dumps(credential.model_dump(mode="json"))
    assert "ya29.fresh" not in raw and "1//refresh" not in raw
    assert BOX.open(credential.access_token) == "ya29.fresh"
    assert BOX.open(credential.refresh_token) == "1//refresh"
    assert credential.status is ConnectionStatus.CONNECTED
    assert credential.connected_by == "user-1"


async def test_a_state_is_accepted_once(external, admin, fake):
    fake.on("POST", TOKEN_URL, json_answer(token_answer()))
    query = await started(external, admin)
    await complete(external, admin, query["state"], code="4/code")

    replayed = await complete(external, admin, query["state"], code="4/code")

    assert replayed.status_code == 400
    assert replayed.json()["error"]["code"] == "invalid_state"
    assert len(fake.sent("POST", TOKEN_URL)) == 1


async def test_an_expired_state_is_refused(external, admin, fake, account_id):
    states = external.app.state.integrations.states()
    state = ConnectState("google-analytics", account_id, "user-1", "", "/integrations", "nonce")
    await external.app.state.integrations.redis.set(states.nonce_key("nonce"), "verifier")
    expired = states.sealed_at(state, int(time.time()) - 601)

    response = await complete(external, admin, expired, code="4/code")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_state"
    assert fake.sent("POST", TOKEN_URL) == []


async def test_a_forged_state_is_refused(external, admin, fake):
    response = await complete(external, admin, "forged", code="4/code")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_state"
    assert fake.requests == []


async def test_a_state_for_another_provider_is_refused(external, admin, fake):
    query = await started(external, admin)

    response = await complete(
        external, admin, query["state"], "/v1/e/google-ads/auth/complete", code="4/code"
    )

    assert response.status_code == 400
    assert fake.requests == []


async def test_a_user_refusing_consent_is_told_so(external, admin, fake):
    query = await started(external, admin)

    response = await complete(external, admin, query["state"], error="access_denied")

    assert (response.json()["status"], response.json()["reason"]) == ("error", "access_denied")
    assert fake.requests == []


async def test_a_refused_code_stores_nothing_and_says_so(external, admin, fake, account_id):
    fake.on("POST", TOKEN_URL, json_answer(INVALID_GRANT, 400))
    query = await started(external, admin)

    response = await complete(external, admin, query["state"], code="4/bad")

    assert (response.json()["status"], response.json()["reason"]) == ("error", "code_refused")
    assert await GoogleAnalyticsToken.find_all().count() == 0


async def test_a_state_started_by_one_user_is_refused_to_another_and_stores_nothing(
    external, admin, fake, account_id
):
    fake.on("POST", TOKEN_URL, json_answer(token_answer()))
    query = await started(external, admin)  # the attacker's connect, sent to a victim
    victim = headers_for(str(PydanticObjectId()), Role.ADMIN, user_id="victim")

    response = await complete(external, victim, query["state"], code="4/victims-code")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "connect_started_by_another"
    assert fake.sent("POST", TOKEN_URL) == []
    assert await GoogleAnalyticsToken.find_all().count() == 0


async def test_a_state_is_refused_to_another_user_of_the_same_account(
    external, admin, fake, account_id
):
    query = await started(external, admin)
    colleague = headers_for(account_id, Role.ADMIN, user_id="user-2")

    response = await complete(external, colleague, query["state"], code="4/code")

    assert response.status_code == 403
    assert await GoogleAnalyticsToken.find_all().count() == 0


async def test_a_state_is_refused_in_another_session_of_the_same_user(external, fake, account_id):
    query = await started(external, headers_for(account_id, session_id="session-1"))
    other_session = headers_for(account_id, session_id="session-2")

    response = await complete(external, other_session, query["state"], code="4/code")

    assert response.status_code == 403
    assert fake.requests == []


async def test_a_state_refused_to_someone_else_still_completes_for_its_starter(
    external, admin, fake, account_id
):
    fake.on("POST", TOKEN_URL, json_answer(token_answer()))
    query = await started(external, admin)
    victim = headers_for(str(PydanticObjectId()), Role.ADMIN, user_id="victim")
    await complete(external, victim, query["state"], code="4/victims-code")

    response = await complete(external, admin, query["state"], code="4/code")

    assert response.json()["status"] == "connected"


async def test_completing_needs_a_signed_in_user(external, admin, fake):
    query = await started(external, admin)

    response = await complete(external, {}, query["state"], code="4/code")

    assert response.status_code == 401
    assert fake.requests == []


async def test_a_return_path_off_the_dashboard_is_refused(external, admin):
    for path in ("https://evil.test/", "//evil.test/x", "/\\evil.test", "evil"):
        response = await external.get(START, headers=admin, params={"return_path": path})

        assert response.status_code == 422, path


async def test_members_cannot_connect(external, member):
    response = await external.get(START, headers=member)

    assert response.status_code == 403


async def test_connecting_waits_until_the_owner_has_confirmed_their_email(external, account_id):
    unconfirmed = headers_for(account_id, Role.ADMIN, owner_verified=False)

    refused = await external.get(START, headers=unconfirmed)
    allowed = await external.get(START, headers=headers_for(account_id, Role.ADMIN))

    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "email_not_verified"
    assert allowed.status_code == 200


async def test_completing_waits_until_the_owner_has_confirmed_their_email(
    external, admin, account_id, fake
):
    fake.on("POST", TOKEN_URL, json_answer(token_answer()))
    query = await started(external, admin)
    unconfirmed = headers_for(account_id, Role.ADMIN, owner_verified=False)

    response = await complete(external, unconfirmed, query["state"], code="4/code")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "email_not_verified"
    assert fake.sent("POST", TOKEN_URL) == []
    assert await GoogleAnalyticsToken.find_all().count() == 0


async def test_start_needs_a_user(external):
    response = await external.get(START)

    assert response.status_code == 401


async def test_disconnect_revokes_the_refresh_token_and_forgets_it(
    external, admin, fake, account_id
):
    fake.on("POST", REVOKE_URL, json_answer({}))
    await create_connection("google-analytics", account_id, refresh_token="1//to-revoke")

    response = await external.delete("/v1/e/google-analytics/auth", headers=admin)

    assert response.status_code == 204
    (sent,) = fake.sent("POST", REVOKE_URL)
    assert form_of(sent) == {"token": "1//to-revoke"}
    assert await GoogleAnalyticsToken.find_all().count() == 0


async def test_disconnect_still_forgets_when_google_fails_to_revoke(
    external, admin, fake, account_id
):
    fake.on("POST", REVOKE_URL, json_answer({"error": "invalid_token"}, 400))
    await create_connection("google-analytics", account_id)

    response = await external.delete("/v1/e/google-analytics/auth", headers=admin)

    assert response.status_code == 204
    assert await GoogleAnalyticsToken.find_all().count() == 0


async def test_disconnecting_what_is_not_connected_is_not_found(external, admin):
    response = await external.delete("/v1/e/google-analytics/auth", headers=admin)

    assert response.status_code == 404
