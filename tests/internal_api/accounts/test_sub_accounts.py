"""/v1/accounts/sub-accounts: an agency's client accounts, at most MAX_SUB_ACCOUNTS of them,
renamed and given the end of their active period."""

import asyncio
from datetime import UTC, datetime

from internal_api.accounts.repository import SubAccountRepository
from shared.models.account import Account
from shared.models.base import utc_now
from shared.models.membership import Role
from shared.models.user import User
from tests.factories import create_account, create_signed_in, create_sub_account, headers_now


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
    owner = await create_signed_in()
    admin = await create_signed_in(owner.account, role=Role.ADMIN)

    response = await create(api, admin)

    assert response.status_code == 201
    assert (await Account.get(response.json()["id"])).parent_id == admin.account.id


async def test_a_member_cannot_create_a_sub_account(api):
    member = await create_signed_in(role=Role.MEMBER)

    response = await create(api, member)

    assert response.status_code == 403
    assert response.json()["error"]["details"] == [{"scope": "account:write"}]


async def test_a_sub_account_cannot_have_sub_accounts(api):
    agency = (await create_signed_in()).account
    client = await create_sub_account(agency)
    owner_of_client = await create_signed_in(account=client)

    response = await create(api, owner_of_client)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "not_an_agency"
    assert await Account.find({"parent_id": client.id}).count() == 0


async def test_an_agency_at_its_limit_is_refused_and_nothing_is_created(start_api):
    owner = await create_signed_in()
    for name in ("First", "Second"):
        await create_sub_account(owner.account, name=name)

    async with start_api(max_sub_accounts=2) as api:
        response = await create(api, owner, "Third")

    assert response.status_code == 402
    assert response.json()["error"]["code"] == "sub_account_limit_reached"
    assert await Account.find({"parent_id": owner.account.id}).count() == 2


async def test_parallel_creations_never_pass_the_limit(start_api, monkeypatch):
    owner = await create_signed_in()
    counted = SubAccountRepository.count

    async def count_as_slowly_as_a_real_database(self, *args):
        # mongomock answers without yielding; a real MongoDB lets the other requests run.
        found = await counted(self, *args)
        await asyncio.sleep(0.01)
        return found

    monkeypatch.setattr(SubAccountRepository, "count", count_as_slowly_as_a_real_database)

    async with start_api(max_sub_accounts=3) as api:
        responses = await asyncio.gather(*(create(api, owner, f"Client {n}") for n in range(10)))

    statuses = sorted(response.status_code for response in responses)
    assert statuses == [201] * 3 + [402] * 7
    assert await Account.find({"parent_id": owner.account.id}).count() == 3


async def test_the_limit_counts_each_agency_apart(start_api):
    owner = await create_signed_in()
    await create_sub_account(await create_account(), name="Another agency's")

    async with start_api(max_sub_accounts=1) as api:
        response = await create(api, owner)

    assert response.status_code == 201
    assert await Account.find({"parent_id": owner.account.id}).count() == 1


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
    assert response.json()["error"]["code"] == "not_found"


async def test_sorting_by_an_unknown_field_answers_422(api):
    owner = await create_signed_in()

    response = await api.get("/v1/accounts/sub-accounts?sort=secret", headers=owner.headers)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


async def test_an_agency_whose_owner_has_not_confirmed_their_email_creates_none(api):
    owner = await create_signed_in(email_verified_at=None)

    response = await create(api, owner)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "email_not_verified"
    assert await Account.find({"parent_id": owner.account.id}).count() == 0


async def test_once_the_owner_has_confirmed_their_email_sub_accounts_can_be_created(api):
    owner = await create_signed_in(email_verified_at=None)
    await owner.user.set({User.email_verified_at: utc_now()})

    headers = await headers_now(owner.session_id)

    response = await api.post("/v1/accounts/sub-accounts", json={"name": "Client"}, headers=headers)

    assert response.status_code == 201
    assert await Account.find({"parent_id": owner.account.id}).count() == 1


async def test_an_admin_waits_for_the_agency_owners_email_not_their_own(api):
    owner = await create_signed_in(email_verified_at=None)
    admin = await create_signed_in(owner.account, role=Role.ADMIN)

    response = await create(api, admin)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "email_not_verified"


async def update(api, signed_in, account_id, **body):
    return await api.patch(
        f"/v1/accounts/sub-accounts/{account_id}", json=body, headers=signed_in.headers
    )


async def test_the_agency_sets_the_end_of_a_sub_accounts_active_period(api):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)

    response = await update(api, owner, client.id, active_until="2031-01-31T00:00:00Z")

    assert response.status_code == 200
    assert response.json()["active_until"].startswith("2031-01-31T00:00:00")
    assert (await Account.get(client.id)).active_until == datetime(2031, 1, 31, tzinfo=UTC)


async def test_null_clears_the_end_of_the_active_period_and_keeps_the_name(api):
    owner = await create_signed_in()
    client = await create_sub_account(
        owner.account, name="Kept", active_until=datetime(2031, 1, 31, tzinfo=UTC)
    )

    response = await update(api, owner, client.id, active_until=None)

    assert response.status_code == 200
    stored = await Account.get(client.id)
    assert (stored.active_until, stored.name) == (None, "Kept")


async def test_the_agency_renames_a_sub_account(api):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)

    response = await update(api, owner, client.id, name="Renamed")

    assert response.json()["name"] == "Renamed"
    assert (await Account.get(client.id)).name == "Renamed"


async def test_an_end_without_a_time_zone_answers_422_and_nothing_changes(api):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)

    response = await update(api, owner, client.id, active_until="2031-01-31T00:00:00")

    assert response.status_code == 422
    assert [d["field"] for d in response.json()["error"]["details"]] == ["body.active_until"]
    assert (await Account.get(client.id)).active_until is None


async def test_updating_another_agencys_sub_account_answers_404_and_nothing_changes(api):
    owner = await create_signed_in()
    theirs = await create_sub_account(await create_account(), name="Theirs")

    response = await update(api, owner, theirs.id, name="Mine now")

    assert response.status_code == 404
    assert (await Account.get(theirs.id)).name == "Theirs"


async def test_a_member_may_not_update_a_sub_account(api):
    member = await create_signed_in(role=Role.MEMBER)
    client = await create_sub_account(member.account, name="Same")

    response = await update(api, member, client.id, name="Changed")

    assert response.status_code == 403
    assert (await Account.get(client.id)).name == "Same"
