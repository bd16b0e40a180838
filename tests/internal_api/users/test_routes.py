"""GET /v1/users and /v1/users/me/accounts over HTTP: shapes, scopes and refusals."""

from datetime import datetime

from shared.models.membership import Role
from tests.factories import create_account, create_signed_in, create_sub_account


async def test_the_directory_answers_each_user_with_role_and_joined_at(api):
    owner = await create_signed_in(name="Olive")

    response = await api.get("/v1/users", headers=owner.headers)

    assert response.status_code == 200
    [listed] = response.json()["data"]
    assert datetime.fromisoformat(listed.pop("joined_at")) == owner.membership.created_at
    assert listed == {
        "id": str(owner.user.id),
        "email": owner.user.email,
        "name": "Olive",
        "role": "owner",
        "via_agency": False,
    }


async def test_the_directory_searches_filters_and_pages_from_the_query(api):
    owner = await create_signed_in(name="Olive")
    for name in ("Ann", "Anna", "Annie"):
        await create_signed_in(account=owner.account, role=Role.MEMBER, name=name)

    response = await api.get(
        "/v1/users",
        params={"search": " ann ", "role": "member", "sort": "-name", "limit": 2},
        headers=owner.headers,
    )

    assert [listed["name"] for listed in response.json()["data"]] == ["Annie", "Anna"]
    assert response.json()["pagination"] == {"page": 1, "limit": 2, "total": 3, "next_page": 2}


async def test_the_directory_leaves_out_other_accounts_users(api):
    owner = await create_signed_in()
    await create_signed_in()

    response = await api.get("/v1/users", headers=owner.headers)

    assert [listed["id"] for listed in response.json()["data"]] == [str(owner.user.id)]


async def test_the_directory_needs_users_read(api):
    client = await create_signed_in(role=Role.CLIENT)

    response = await api.get("/v1/users", headers=client.headers)

    assert response.status_code == 403
    assert response.json()["error"]["details"] == [{"scope": "users:read"}]


async def test_an_unknown_role_or_sort_answers_422_naming_it(api):
    owner = await create_signed_in()

    response = await api.get(
        "/v1/users", params={"role": "emperor", "sort": "password"}, headers=owner.headers
    )

    assert response.status_code == 422
    fields = {detail["field"] for detail in response.json()["error"]["details"]}
    assert fields == {"query.role", "query.sort"}


async def test_my_accounts_answer_each_with_role_kind_parent_logo_and_active(api):
    owner = await create_signed_in(account=await create_account(name="Agency"))
    bakery = await create_sub_account(owner.account, name="Bakery")

    response = await api.get("/v1/users/me/accounts", headers=owner.headers)

    assert response.status_code == 200
    assert response.json()["data"] == [
        {
            "id": str(owner.account.id),
            "name": "Agency",
            "kind": "agency",
            "parent_id": None,
            "role": "owner",
            "logo_url": None,
            "active": True,
        },
        {
            "id": str(bakery.id),
            "name": "Bakery",
            "kind": "sub_account",
            "parent_id": str(owner.account.id),
            "role": "admin",
            "logo_url": None,
            "active": False,
        },
    ]


async def test_my_accounts_without_a_token_answer_401(api):
    response = await api.get("/v1/users/me/accounts")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
