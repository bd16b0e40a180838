"""DELETE /v1/accounts/sub-accounts/{id} and POST .../restore: a deleted sub-account is
refused like a suspended one and can be restored for 30 days, then it is purged."""

from datetime import timedelta

from shared.domain.accounts.lifecycle import RESTORE_PERIOD
from shared.models.account import Account, AccountStatus
from shared.models.base import utc_now
from shared.models.membership import Role
from shared.utilities import sessions
from shared.utilities.settings import ServiceSettings
from tests.factories import create_account, create_signed_in, create_sub_account

IDLE = timedelta(days=1)
SEAL = sessions.seal_for(ServiceSettings())


async def delete(api, signed_in, account_id):
    return await api.delete(f"/v1/accounts/sub-accounts/{account_id}", headers=signed_in.headers)


async def restore(api, signed_in, account_id):
    return await api.post(
        f"/v1/accounts/sub-accounts/{account_id}/restore", headers=signed_in.headers
    )


async def deleted_sub_account(agency: Account, days_ago: float) -> Account:
    since = utc_now() - timedelta(days=days_ago)
    return await create_sub_account(agency, status=AccountStatus.DELETED, status_since=since)


async def test_an_agency_owner_deletes_a_sub_account_which_stays_stored_as_deleted(api):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)

    response = await delete(api, owner, client.id)

    assert response.status_code == 204
    stored = await Account.get(client.id)
    assert stored.status is AccountStatus.DELETED
    assert stored.status_since is not None


async def test_a_suspended_sub_account_can_be_deleted(api):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account, status=AccountStatus.SUSPENDED)

    response = await delete(api, owner, client.id)

    assert response.status_code == 204
    assert (await Account.get(client.id)).status is AccountStatus.DELETED


async def test_deleting_refuses_the_sessions_acting_in_it_with_account_deleted(api, redis):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)
    member = await create_signed_in(account=client, role=Role.MEMBER)
    await sessions.lookup(redis, member.session_id, IDLE, SEAL)  # cached as active

    await delete(api, owner, client.id)

    state = await sessions.lookup(redis, member.session_id, IDLE, SEAL)
    assert state.closed_account().code == "account_deleted"


async def test_deleting_a_deleted_sub_account_answers_409_and_keeps_when_it_was_deleted(api):
    owner = await create_signed_in()
    client = await deleted_sub_account(owner.account, days_ago=3)

    response = await delete(api, owner, client.id)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "already_deleted"
    assert (await Account.get(client.id)).status_since == client.status_since


async def test_a_deleted_sub_account_cannot_be_suspended_or_reactivated(api):
    owner = await create_signed_in()
    client = await deleted_sub_account(owner.account, days_ago=1)

    for action in ("suspend", "reactivate"):
        response = await api.post(
            f"/v1/accounts/sub-accounts/{client.id}/{action}", headers=owner.headers
        )

        assert response.status_code == 409
        assert response.json()["error"]["code"] == "already_deleted"
    assert (await Account.get(client.id)).status is AccountStatus.DELETED


async def test_deleting_another_agencys_sub_account_answers_404_and_it_stays(api):
    owner = await create_signed_in()
    theirs = await create_sub_account(await create_account())

    response = await delete(api, owner, theirs.id)

    assert response.status_code == 404
    assert (await Account.get(theirs.id)).status is AccountStatus.ACTIVE


async def test_a_sub_account_deleted_29_days_ago_is_restored_active(api, redis):
    owner = await create_signed_in()
    client = await deleted_sub_account(owner.account, days_ago=29)
    member = await create_signed_in(account=client, role=Role.MEMBER)

    response = await restore(api, owner, client.id)

    assert response.status_code == 200
    assert response.json()["status"] == "active"
    assert (await Account.get(client.id)).status is AccountStatus.ACTIVE
    state = await sessions.lookup(redis, member.session_id, IDLE, SEAL)
    assert state.closed_account() is None


async def test_a_sub_account_deleted_past_the_restore_period_answers_409_and_stays_deleted(api):
    owner = await create_signed_in()
    client = await deleted_sub_account(owner.account, days_ago=RESTORE_PERIOD.days + 1)

    response = await restore(api, owner, client.id)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "restore_period_over"
    assert (await Account.get(client.id)).status is AccountStatus.DELETED


async def test_restoring_a_sub_account_that_is_not_deleted_answers_409(api):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account, status=AccountStatus.SUSPENDED)

    response = await restore(api, owner, client.id)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "not_deleted"
    assert (await Account.get(client.id)).status is AccountStatus.SUSPENDED


async def test_restoring_another_agencys_deleted_sub_account_answers_404(api):
    owner = await create_signed_in()
    theirs = await deleted_sub_account(await create_account(), days_ago=1)

    response = await restore(api, owner, theirs.id)

    assert response.status_code == 404
    assert (await Account.get(theirs.id)).status is AccountStatus.DELETED


async def test_the_list_shows_a_deleted_sub_account_with_its_status(api):
    owner = await create_signed_in()
    await deleted_sub_account(owner.account, days_ago=1)

    response = await api.get("/v1/accounts/sub-accounts", headers=owner.headers)

    assert [account["status"] for account in response.json()["data"]] == ["deleted"]
