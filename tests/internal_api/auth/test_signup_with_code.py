"""POST /v1/auth/signup with a signup_code: a new user and a new sub-account of the code's
agency, the use counted once; a code that cannot be used creates nothing."""

import asyncio
from datetime import timedelta

from beanie import PydanticObjectId

from internal_api.accounts.repository import SubAccountRepository
from shared.models.account import Account
from shared.models.account_signup_code import AccountSignupCode
from shared.models.base import utc_now
from shared.models.membership import Membership, Role
from shared.models.session import Session
from shared.models.user import User
from shared.utilities.sessions import hash_session_id
from tests.factories import create_account, create_user
from tests.internal_api.signup_codes.factories import create_signup_code


def signup(code: str, **overrides) -> dict:
    return {
        "email": "client@example.com",
        "password": "a long enough password",
        "name": "Cleo",
        "account_name": "Cleo's Bakery",
        "signup_code": code,
        **overrides,
    }


async def uses(code: AccountSignupCode) -> int:
    return (await AccountSignupCode.get(code.id)).uses


async def assert_nothing_created(agency: Account, email: str = "client@example.com") -> None:
    assert await User.find({"email": email}).count() == 0
    assert await SubAccountRepository(agency.id).count() == 0


async def test_signing_up_with_a_code_makes_a_sub_account_of_its_agency(api):
    agency = await create_account(name="Acme")
    _, code = await create_signup_code(agency)

    response = await api.post("/v1/auth/signup", json=signup(code))

    assert response.status_code == 201
    account = response.json()["account"]
    assert (account["name"], account["kind"]) == ("Cleo's Bakery", "sub_account")
    assert account["parent_id"] == str(agency.id)
    assert await Account.find({"kind": "agency"}).count() == 1


async def test_the_new_user_owns_the_sub_account_and_starts_there(api):
    agency = await create_account()
    _, code = await create_signup_code(agency)

    response = await api.post("/v1/auth/signup", json=signup(code))

    body = response.json()
    user_id = PydanticObjectId(body["user"]["id"])
    [membership] = await Membership.find({"user_id": user_id}).to_list()
    assert (str(membership.account_id), membership.role) == (body["account"]["id"], Role.OWNER)
    assert (await User.get(user_id)).default_account_id == body["account"]["id"]
    session = await Session.find_one({"token_hash": hash_session_id(body["session_id"])})
    assert str(session.account_id) == body["account"]["id"]


async def test_the_code_gives_its_role_and_names_the_sub_account_by_its_template(api):
    agency = await create_account()
    _, code = await create_signup_code(agency, role=Role.CLIENT, sub_account_name="{name} (Acme)")

    response = await api.post("/v1/auth/signup", json=signup(code))

    body = response.json()
    assert body["account"]["name"] == "Cleo's Bakery (Acme)"
    membership = await Membership.find_one({"user_id": PydanticObjectId(body["user"]["id"])})
    assert membership.role is Role.CLIENT


async def test_a_code_typed_in_lower_case_without_dashes_works(api):
    agency = await create_account()
    signup_code, code = await create_signup_code(agency)

    response = await api.post("/v1/auth/signup", json=signup(code.replace("-", "").lower()))

    assert response.status_code == 201
    assert await uses(signup_code) == 1


async def test_each_sign_up_counts_one_use(api):
    agency = await create_account()
    signup_code, code = await create_signup_code(agency, max_uses=3)

    for number in range(2):
        await api.post("/v1/auth/signup", json=signup(code, email=f"client{number}@example.com"))

    assert await uses(signup_code) == 2
    assert await SubAccountRepository(agency.id).count() == 2


async def refused(api, code: str, status: int, error_code: str) -> None:
    response = await api.post("/v1/auth/signup", json=signup(code))

    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == error_code
    assert [detail["field"] for detail in error["details"]] == ["body.signup_code"]


async def test_an_unknown_code_answers_422_and_creates_nothing(api):
    agency = await create_account()

    await refused(api, "0000-0000-0000-0000", 422, "signup_code_invalid")

    await assert_nothing_created(agency)


async def test_an_expired_code_answers_422_and_creates_nothing(api):
    agency = await create_account()
    signup_code, code = await create_signup_code(agency, expires_at=utc_now() - timedelta(1))

    await refused(api, code, 422, "signup_code_expired")

    await assert_nothing_created(agency)
    assert await uses(signup_code) == 0


async def test_a_revoked_code_answers_422_and_creates_nothing(api):
    agency = await create_account()
    signup_code, code = await create_signup_code(agency, revoked_at=utc_now())

    await refused(api, code, 422, "signup_code_revoked")

    await assert_nothing_created(agency)
    assert await uses(signup_code) == 0


async def test_a_used_up_code_answers_409_and_creates_nothing(api):
    agency = await create_account()
    signup_code, code = await create_signup_code(agency, max_uses=2, uses=2)

    await refused(api, code, 409, "signup_code_used_up")

    await assert_nothing_created(agency)
    assert await uses(signup_code) == 2


async def test_a_code_whose_agency_is_gone_answers_422(api):
    agency = await create_account()
    _, code = await create_signup_code(agency)
    await agency.delete()

    await refused(api, code, 422, "signup_code_invalid")

    assert await User.find({"email": "client@example.com"}).count() == 0


async def test_a_code_with_one_use_left_admits_one_of_two_sign_ups_at_once(api):
    agency = await create_account()
    signup_code, code = await create_signup_code(agency, max_uses=1)

    responses = await asyncio.gather(
        *(
            api.post("/v1/auth/signup", json=signup(code, email=f"rival{number}@example.com"))
            for number in range(2)
        )
    )

    assert sorted(response.status_code for response in responses) == [201, 409]
    assert await uses(signup_code) == 1
    assert await SubAccountRepository(agency.id).count() == 1
    assert await User.find({"email": {"$regex": "^rival"}}).count() == 1


async def test_a_taken_email_answers_409_and_uses_nothing(api):
    agency = await create_account()
    signup_code, code = await create_signup_code(agency)
    await create_user(email="client@example.com")

    response = await api.post("/v1/auth/signup", json=signup(code))

    assert response.json()["error"]["code"] == "email_taken"
    assert await uses(signup_code) == 0
    assert await SubAccountRepository(agency.id).count() == 0


async def test_an_agency_at_its_limit_answers_402_and_gives_the_use_back(start_api):
    agency = await create_account()
    signup_code, code = await create_signup_code(agency)

    async with start_api(max_sub_accounts=0) as api:
        response = await api.post("/v1/auth/signup", json=signup(code))

    assert response.status_code == 402
    assert response.json()["error"]["code"] == "sub_account_limit_reached"
    await assert_nothing_created(agency)
    assert await uses(signup_code) == 0


async def test_a_sign_up_failing_half_way_leaves_nothing_and_gives_the_use_back(api, monkeypatch):
    agency = await create_account()
    signup_code, code = await create_signup_code(agency)

    async def membership_store_down(self, *args, **kwargs):
        raise ConnectionError("membership store down")

    monkeypatch.setattr(Membership, "insert", membership_store_down)

    response = await api.post("/v1/auth/signup", json=signup(code))

    assert response.status_code == 500
    await assert_nothing_created(agency)
    assert await uses(signup_code) == 0
