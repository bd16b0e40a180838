"""Signing up, confirming the email and resetting a password the dashboard's way: through the
gateway and the router, links taken from the mails internal_api asked for."""

from tests.factories import PASSWORD, unique_email
from tests.internal_api.chain import dashboard, dashboard_jobs, module_chain
from tests.internal_api.self_service import last_token

__all__ = ["dashboard", "dashboard_jobs", "module_chain"]

NEW_PASSWORD = "a brand new passphrase"


async def sign_up(dashboard, email: str) -> dict[str, str]:
    response = await dashboard.post(
        "/v1/auth/signup",
        json={"email": email, "password": PASSWORD, "name": "Ada", "account_name": "Acme"},
    )
    assert response.status_code == 201, response.text
    return {"x-session-id": response.json()["session_id"]}


async def test_a_new_agency_creates_sub_accounts_once_its_owner_confirms_their_email(
    dashboard, dashboard_jobs
):
    session = await sign_up(dashboard, unique_email())
    client = {"name": "First client"}

    refused = await dashboard.post("/v1/accounts/sub-accounts", json=client, headers=session)
    confirmed = await dashboard.post(
        "/v1/auth/email/confirm", json={"token": last_token(dashboard_jobs, "email_verification")}
    )
    created = await dashboard.post("/v1/accounts/sub-accounts", json=client, headers=session)

    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "email_not_verified"
    assert confirmed.status_code == 204
    assert created.status_code == 201, created.text
    listed = await dashboard.get("/v1/accounts/sub-accounts", headers=session)
    assert [sub_account["name"] for sub_account in listed.json()["data"]] == ["First client"]


async def test_a_reset_password_signs_in_and_the_old_session_is_refused(dashboard, dashboard_jobs):
    email = unique_email()
    old_session = await sign_up(dashboard, email)

    asked = await dashboard.post("/v1/auth/password-reset", json={"email": email})
    reset = await dashboard.post(
        "/v1/auth/password-reset/confirm",
        json={"token": last_token(dashboard_jobs, "password_reset"), "password": NEW_PASSWORD},
    )
    login = await dashboard.post("/v1/auth/login", json={"email": email, "password": NEW_PASSWORD})
    refused = await dashboard.get("/v1/users/me", headers=old_session)

    assert (asked.status_code, reset.status_code, login.status_code) == (202, 204, 200)
    assert refused.status_code == 401
    new_session = {"x-session-id": login.json()["session_id"]}
    assert (await dashboard.get("/v1/users/me", headers=new_session)).status_code == 200
