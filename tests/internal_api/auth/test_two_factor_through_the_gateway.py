"""Two-factor authentication the dashboard's way: gateway -> router -> internal_api, the login's
second step on the router's public routes."""

import pyotp

from tests.internal_api.auth.factories import code_for
from tests.internal_api.chain import dashboard, module_chain

__all__ = ["dashboard", "module_chain"]

ADA = {"email": "ada@example.com", "password": "a long enough password"}


async def test_sign_up_enrol_log_out_and_log_in_with_the_password_then_a_code(dashboard):
    signup = await dashboard.post(
        "/v1/auth/signup", json={**ADA, "name": "Ada", "account_name": "Ada's Agency"}
    )
    signed_up = {"x-session-id": signup.json()["session_id"]}
    secret = (await dashboard.post("/v1/auth/two-factor", headers=signed_up)).json()["secret"]
    confirmed = await dashboard.post(
        "/v1/auth/two-factor/confirm",
        json={"code": pyotp.TOTP(secret).now()},
        headers=signed_up,
    )
    assert confirmed.status_code == 200
    assert (await dashboard.post("/v1/auth/logout", headers=signed_up)).status_code == 204

    login = await dashboard.post("/v1/auth/login", json=ADA)
    assert "session_id" not in login.json()
    second_step = await dashboard.post(
        "/v1/auth/login/two-factor",
        # The next step's code: the one confirming enrolment is used up.
        json={"challenge": login.json()["challenge"], "code": code_for(secret, steps_ahead=1)},
    )

    session = {"x-session-id": second_step.json()["session_id"]}
    status = await dashboard.get("/v1/auth/two-factor", headers=session)
    assert status.status_code == 200
    assert status.json()["enabled"] is True
    assert (await dashboard.get("/v1/auth/two-factor", headers=signed_up)).status_code == 401
