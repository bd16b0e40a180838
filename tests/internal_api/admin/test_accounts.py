"""Operators search every account of the platform, view one with its members, and suspend or
reactivate it through the accounts' lifecycle; each change is in the audit log with its
reason."""

from datetime import timedelta

from shared.domain.accounts.errors import AccountSuspended
from shared.models.account import Account, AccountKind, AccountStatus
from shared.models.admin_audit_entry import AdminAction, AdminAuditEntry
from shared.models.membership import Role
from shared.utilities import sessions
from shared.utilities.settings import ServiceSettings
from tests.factories import (
    create_account,
    create_membership,
    create_signed_in,
    create_sub_account,
    create_user,
)

REASON = "Chargeback on invoice 1042"
IDLE = timedelta(days=1)
SEAL = sessions.seal_for(ServiceSettings())


async def search(api, operator, **params):
    response = await api.get("/v1/admin/accounts", params=params, headers=operator.headers)
    assert response.status_code == 200, response.text
    return response.json()


def names(page) -> list[str]:
    return sorted(account["name"] for account in page["data"])


async def test_an_account_is_found_by_part_of_its_name_in_any_case(api, operator):
    await create_account(name="Blue Harbour Marketing")
    await create_account(name="Red Rock Media")

    found = await search(api, operator, search="harbour")

    assert names(found) == ["Blue Harbour Marketing"]


async def test_an_account_is_found_by_the_start_of_a_members_email(api, operator):
    account = await create_account(name="Quiet Name")
    await create_membership(account, await create_user(email="jo@clientco.example"), Role.MEMBER)
    await create_account(name="Elsewhere")

    found = await search(api, operator, search="JO@clientco")

    assert names(found) == ["Quiet Name"]


async def test_an_account_is_found_by_its_id(api, operator):
    account = await create_account(name="By Id")
    await create_account(name="Not It")

    found = await search(api, operator, search=str(account.id))

    assert names(found) == ["By Id"]


async def test_a_search_is_taken_literally(api, operator):
    await create_account(name="Anything")

    found = await search(api, operator, search=".*")

    assert found["data"] == []


async def test_the_search_is_paginated_across_agencies_and_filtered_by_kind(api, operator):
    agencies = [await create_account(name=f"Agency {n}") for n in range(3)]
    for agency in agencies:
        await create_sub_account(agency, name=f"Client of {agency.name}")

    first = await search(api, operator, kind="sub_account", limit=2, sort="name")
    second = await search(api, operator, kind="sub_account", limit=2, sort="name", page=2)

    assert [a["name"] for a in first["data"] + second["data"]] == [
        "Client of Agency 0",
        "Client of Agency 1",
        "Client of Agency 2",
    ]
    assert (first["pagination"]["total"], first["pagination"]["next_page"]) == (3, 2)


async def test_an_account_is_viewed_with_its_members_and_flags(api, operator):
    owner = await create_signed_in(name="Olive Owner")
    await create_sub_account(owner.account)

    response = await api.get(f"/v1/admin/accounts/{owner.account.id}", headers=operator.headers)

    assert response.status_code == 200
    body = response.json()
    assert [(m["name"], m["email"], m["role"]) for m in body["members"]] == [
        ("Olive Owner", owner.user.email, "owner")
    ]
    assert body["sub_accounts"] == 1
    assert {"name": "asset_proxy", "enabled": True}.items() <= body["feature_flags"][0].items()


async def test_a_missing_account_answers_404(api, operator):
    response = await api.get(
        "/v1/admin/accounts/665f1c2e9b1e8a3d4c5b6a79", headers=operator.headers
    )

    assert response.status_code == 404


async def test_an_operator_suspends_an_agency_and_it_is_in_the_audit_log(api, operator):
    agency = await create_account(name="Spammy Agency", kind=AccountKind.AGENCY)

    response = await api.post(
        f"/v1/admin/accounts/{agency.id}/suspend",
        json={"reason": REASON},
        headers={**operator.headers, "x-request-id": "req-suspend-1"},
    )

    assert response.status_code == 200
    stored = await Account.get(agency.id)
    assert (stored.status, stored.status_reason) == (AccountStatus.SUSPENDED, REASON)
    entry = await AdminAuditEntry.find_one()
    assert (
        entry.operator_id,
        entry.action,
        entry.target_type,
        entry.target_id,
        entry.reason,
        entry.request_id,
    ) == (
        operator.user.id,
        AdminAction.ACCOUNT_SUSPENDED,
        "account",
        str(agency.id),
        REASON,
        "req-suspend-1",
    )


async def test_a_suspended_accounts_sessions_read_their_state_anew_refused(api, operator, redis):
    member = await create_signed_in()
    token_hash = sessions.hash_session_id(member.session_id)
    await sessions.cache_state(redis, token_hash, member.state, IDLE, SEAL)

    await api.post(
        f"/v1/admin/accounts/{member.account.id}/suspend",
        json={"reason": REASON},
        headers=operator.headers,
    )

    assert not await redis.exists(sessions.session_key(token_hash))
    state = await sessions.recorded_state(token_hash, IDLE)
    assert state.closed_account() is AccountSuspended


async def test_an_operator_reactivates_a_suspended_account(api, operator):
    agency = await create_account(status=AccountStatus.SUSPENDED)

    response = await api.post(
        f"/v1/admin/accounts/{agency.id}/reactivate",
        json={"reason": "Paid in full"},
        headers=operator.headers,
    )

    assert response.status_code == 200
    assert (await Account.get(agency.id)).status is AccountStatus.ACTIVE
    entry = await AdminAuditEntry.find_one()
    assert (entry.action, entry.reason) == (AdminAction.ACCOUNT_REACTIVATED, "Paid in full")


async def test_a_suspension_without_a_reason_is_refused_and_changes_nothing(api, operator):
    agency = await create_account()

    response = await api.post(
        f"/v1/admin/accounts/{agency.id}/suspend", json={}, headers=operator.headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.reason"
    assert (await Account.get(agency.id)).status is AccountStatus.ACTIVE
    assert await AdminAuditEntry.find_all().count() == 0


async def test_suspending_a_suspended_account_follows_the_lifecycle_and_logs_nothing(api, operator):
    agency = await create_account(status=AccountStatus.SUSPENDED)

    response = await api.post(
        f"/v1/admin/accounts/{agency.id}/suspend", json={"reason": REASON}, headers=operator.headers
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "already_suspended"
    assert await AdminAuditEntry.find_all().count() == 0
