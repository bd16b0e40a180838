"""GET /v1/users/me: the caller, their active account, role and scopes."""

from shared.models.membership import ROLE_SCOPES, Role
from tests.factories import create_signed_in


async def test_me_answers_the_user_the_active_account_the_role_and_scopes(api):
    member = await create_signed_in(role=Role.MEMBER, name="Grace")

    response = await api.get("/v1/users/me", headers=member.headers)

    assert response.status_code == 200
    body = response.json()
    assert (body["user"]["name"], body["user"]["email"]) == ("Grace", member.user.email)
    assert body["account"]["id"] == str(member.account.id)
    assert body["role"] == "member"
    assert body["scopes"] == ROLE_SCOPES[Role.MEMBER]


async def test_me_never_answers_the_password_hash(api):
    member = await create_signed_in()

    response = await api.get("/v1/users/me", headers=member.headers)

    assert "password" not in response.text


async def test_me_without_a_token_answers_401(api):
    response = await api.get("/v1/users/me")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
