"""POST /v1/auth/signup: a new agency, its owner and a session."""

from beanie import PydanticObjectId

from shared.models.account import Account
from shared.models.membership import ROLE_SCOPES, Membership, Role
from shared.models.session import Session
from shared.models.user import User
from shared.utilities.sessions import hash_session_id
from tests.factories import create_user


def signup(**overrides) -> dict:
    return {
        "email": "Owner@Example.com",
        "password": "a long enough password",
        "name": "Olive",
        "account_name": "Acme Agency",
        **overrides,
    }


async def test_signup_answers_201_with_a_session_the_user_and_the_agency(api):
    response = await api.post("/v1/auth/signup", json=signup())

    assert response.status_code == 201
    body = response.json()
    assert body["session_id"]
    assert body["user"]["email"] == "owner@example.com"
    assert body["account"]["name"] == "Acme Agency"
    assert body["account"]["kind"] == "agency"


async def test_signup_makes_the_user_owner_of_the_agency(api):
    response = await api.post("/v1/auth/signup", json=signup())

    body = response.json()
    membership = await Membership.find_one({"user_id": PydanticObjectId(body["user"]["id"])})
    assert membership.role is Role.OWNER
    assert membership.scopes == ROLE_SCOPES[Role.OWNER]
    assert str(membership.account_id) == body["account"]["id"]


async def test_signup_stores_only_the_hash_of_the_session_id(api):
    response = await api.post("/v1/auth/signup", json=signup())

    session_id = response.json()["session_id"]
    assert await Session.find_one({"token_hash": hash_session_id(session_id)})
    assert await Session.find_one({"token_hash": session_id}) is None


async def test_signup_stores_the_password_hashed_with_argon2(api):
    await api.post("/v1/auth/signup", json=signup())

    user = await User.find_one({"email": "owner@example.com"})
    assert user.password_hash.startswith("$argon2id$")


async def test_signup_with_a_taken_email_answers_409(api):
    await create_user(email="owner@example.com")

    response = await api.post("/v1/auth/signup", json=signup(account_name="Second Agency"))

    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "email_taken"
    assert [detail["field"] for detail in error["details"]] == ["body.email"]
    assert await Account.find({"name": "Second Agency"}).count() == 0


async def test_signup_with_an_unknown_field_answers_422_naming_it(api):
    response = await api.post("/v1/auth/signup", json=signup(fist_name="Olive"))

    assert response.status_code == 422
    assert [d["field"] for d in response.json()["error"]["details"]] == ["body.fist_name"]
    assert await User.find({"email": "owner@example.com"}).count() == 0


async def test_signup_with_a_short_password_answers_422_naming_it(api):
    response = await api.post("/v1/auth/signup", json=signup(password="short"))

    assert response.status_code == 422
    assert [d["field"] for d in response.json()["error"]["details"]] == ["body.password"]


async def test_signup_with_a_bad_email_and_no_name_answers_422_naming_both(api):
    body = signup(email="not-an-email")
    del body["name"]

    response = await api.post("/v1/auth/signup", json=body)

    fields = [d["field"] for d in response.json()["error"]["details"]]
    assert response.status_code == 422
    assert fields == ["body.email", "body.name"]


async def test_a_signup_failing_half_way_leaves_nothing_behind(api, monkeypatch):
    async def membership_store_down(self, *args, **kwargs):
        raise ConnectionError("membership store down")

    monkeypatch.setattr(Membership, "insert", membership_store_down)

    response = await api.post("/v1/auth/signup", json=signup())

    assert response.status_code == 500
    assert await User.find({"email": "owner@example.com"}).count() == 0
    assert await Account.find({"name": "Acme Agency"}).count() == 0
