"""Signup codes the dashboard's way (gateway -> router -> internal_api): an agency makes a
code, a client signs up with it on the public signup route, and the agency finds the new
sub-account among its own."""

from tests.factories import create_signed_in
from tests.internal_api.chain import dashboard, module_chain

__all__ = ["dashboard", "module_chain"]


async def test_a_client_signs_up_with_an_agencys_code_and_the_agency_sees_its_account(
    dashboard,
):
    owner = await create_signed_in()
    made = await dashboard.post(
        "/v1/accounts/signup-codes", json={"max_uses": 1}, headers=owner.session_headers
    )
    assert made.status_code == 201

    signed_up = await dashboard.post(
        "/v1/auth/signup",
        json={
            "email": "cleo@bakery.example",
            "password": "a long enough password",
            "name": "Cleo",
            "account_name": "Cleo's Bakery",
            "signup_code": made.json()["code"],
        },
    )
    assert signed_up.status_code == 201
    client_session = {"x-session-id": signed_up.json()["session_id"]}
    me = await dashboard.get("/v1/users/me", headers=client_session)
    sub_accounts = await dashboard.get("/v1/accounts/sub-accounts", headers=owner.session_headers)
    switcher = await dashboard.get("/v1/users/me/accounts", headers=owner.session_headers)
    codes = await dashboard.get("/v1/accounts/signup-codes", headers=owner.session_headers)

    new_account = signed_up.json()["account"]
    assert (me.json()["account"]["id"], me.json()["role"]) == (new_account["id"], "owner")
    assert [listed["name"] for listed in sub_accounts.json()["data"]] == ["Cleo's Bakery"]
    assert {listed["id"]: listed["role"] for listed in switcher.json()["data"]} == {
        str(owner.account.id): "owner",
        new_account["id"]: "admin",
    }
    assert codes.json()["data"][0]["uses"] == 1
