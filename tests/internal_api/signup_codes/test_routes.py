"""/v1/accounts/signup-codes over HTTP: who may make, list and revoke codes, and their shape."""

from datetime import timedelta

from shared.models.account_signup_code import AccountSignupCode
from shared.models.base import utc_now
from shared.models.membership import Role
from tests.factories import create_signed_in, create_sub_account
from tests.internal_api.signup_codes.factories import create_signup_code

CODES = "/v1/accounts/signup-codes"


async def create_agency():
    return (await create_signed_in()).account


async def test_an_agency_owner_makes_a_code_and_is_shown_it(api):
    owner = await create_signed_in()
    expires_at = utc_now() + timedelta(days=7)

    response = await api.post(
        CODES,
        json={"max_uses": 5, "expires_at": expires_at.isoformat(), "role": "admin"},
        headers=owner.headers,
    )

    assert response.status_code == 201
    body = response.json()
    assert body["code"].endswith(body["hint"])
    assert (body["role"], body["max_uses"], body["uses"]) == ("admin", 5, 0)
    stored = await AccountSignupCode.get(body["id"])
    assert (stored.account_id, stored.expires_at) == (owner.account.id, expires_at)


async def test_an_agency_admin_makes_codes_too(api):
    admin = await create_signed_in(role=Role.ADMIN)

    response = await api.post(CODES, json={}, headers=admin.headers)

    assert response.status_code == 201
    assert response.json()["role"] == "owner"


async def test_a_member_cannot_make_a_code(api):
    member = await create_signed_in(role=Role.MEMBER)

    response = await api.post(CODES, json={}, headers=member.headers)

    assert response.status_code == 403
    assert response.json()["error"]["details"] == [{"scope": "account:write"}]
    assert await AccountSignupCode.find_all().count() == 0


async def test_making_a_code_in_a_sub_account_answers_not_an_agency(api):
    owner = await create_signed_in(account=await create_sub_account(await create_agency()))

    response = await api.post(CODES, json={}, headers=owner.headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "not_an_agency"
    assert await AccountSignupCode.find_all().count() == 0


async def test_an_expiry_in_the_past_or_no_uses_answer_422_naming_them(api):
    owner = await create_signed_in()
    yesterday = (utc_now() - timedelta(days=1)).isoformat()

    response = await api.post(
        CODES, json={"expires_at": yesterday, "max_uses": 0}, headers=owner.headers
    )

    assert response.status_code == 422
    fields = {detail["field"] for detail in response.json()["error"]["details"]}
    assert fields == {"body.expires_at", "body.max_uses"}
    assert await AccountSignupCode.find_all().count() == 0


async def test_the_list_never_shows_a_code_again(api):
    owner = await create_signed_in()
    created = (await api.post(CODES, json={}, headers=owner.headers)).json()

    response = await api.get(CODES, headers=owner.headers)

    assert [listed["id"] for listed in response.json()["data"]] == [created["id"]]
    assert created["code"] not in response.text


async def test_revoking_a_code_answers_204_and_marks_it(api):
    owner = await create_signed_in()
    code, _ = await create_signup_code(owner.account)

    response = await api.delete(f"{CODES}/{code.id}", headers=owner.headers)

    assert response.status_code == 204
    assert (await AccountSignupCode.get(code.id)).revoked_at is not None


async def test_revoking_another_agencys_code_answers_404(api):
    owner = await create_signed_in()
    theirs, _ = await create_signup_code(await create_agency())

    response = await api.delete(f"{CODES}/{theirs.id}", headers=owner.headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert (await AccountSignupCode.get(theirs.id)).revoked_at is None
