"""/v1/accounts/sub-accounts: an agency's client accounts."""

from shared.models.account import Account
from shared.models.membership import Role
from tests.factories import create_account, create_signed_in, create_sub_account


async def create(api, signed_in, name: str = "Client Co"):
    return await api.post(
        "/v1/accounts/sub-accounts", json={"name": name}, headers=signed_in.headers
    )


async def test_an_agency_owner_creates_a_sub_account_of_the_agency(api):
    owner = await create_signed_in()

    response = await create(api, owner)

    assert response.status_code == 201
    body = response.json()
    assert (body["kind"], body["parent_id"]) == ("sub_account", str(owner.account.id))
    assert await Account.get(body["id"])


async def test_an_agency_admin_creates_sub_accounts_too(api):
    admin = await create_signed_in(role=Role.ADMIN)

    response = await create(api, admin)

    assert response.status_code == 201


async def test_a_member_cannot_create_a_sub_account(api):
    member = await create_signed_in(role=Role.MEMBER)

    response = await create(api, member)

    assert response.status_code == 403
    assert response.json()["error"]["details"] == [{"scope": "account:write"}]


async def test_a_sub_account_cannot_have_sub_accounts(api):
    agency = await create_account()
    owner_of_client = await create_signed_in(account=await create_sub_account(agency))

    response = await create(api, owner_of_client)

    assert response.status_code == 403


async def test_a_sub_account_without_a_name_answers_422_naming_it(api):
    owner = await create_signed_in()

    response = await api.post("/v1/accounts/sub-accounts", json={}, headers=owner.headers)

    assert response.status_code == 422
    assert [d["field"] for d in response.json()["error"]["details"]] == ["body.name"]


async def test_the_list_is_paginated_newest_first(api):
    owner = await create_signed_in()
    for name in ("First", "Second", "Third"):
        await create_sub_account(owner.account, name=name)

    response = await api.get("/v1/accounts/sub-accounts?limit=2", headers=owner.headers)

    assert response.status_code == 200
    body = response.json()
    assert [account["name"] for account in body["data"]] == ["Third", "Second"]
    assert body["pagination"] == {"page": 1, "limit": 2, "total": 3, "next_page": 2}


async def test_the_list_holds_only_the_agencys_own_sub_accounts(api):
    owner = await create_signed_in()
    await create_sub_account(await create_account(), name="Not ours")

    response = await api.get("/v1/accounts/sub-accounts", headers=owner.headers)

    assert response.json()["data"] == []


async def test_one_of_the_agencys_sub_accounts_answers_by_id(api):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)

    response = await api.get(f"/v1/accounts/sub-accounts/{client.id}", headers=owner.headers)

    assert response.status_code == 200
    assert response.json()["id"] == str(client.id)


async def test_another_agencys_sub_account_answers_404(api):
    owner = await create_signed_in()
    theirs = await create_sub_account(await create_account())

    response = await api.get(f"/v1/accounts/sub-accounts/{theirs.id}", headers=owner.headers)

    assert response.status_code == 404


async def test_sorting_by_an_unknown_field_answers_422(api):
    owner = await create_signed_in()

    response = await api.get("/v1/accounts/sub-accounts?sort=secret", headers=owner.headers)

    assert response.status_code == 422
