"""POST /v1/accounts/sub-accounts/{id}/suspend and /reactivate: an agency stops one of its
sub-accounts and lets it in again; its data stays, its sessions follow at once."""

import asyncio
import json
from contextlib import asynccontextmanager
from datetime import timedelta

from shared.models.account import Account, AccountStatus
from shared.models.contact import Contact
from shared.models.membership import Role
from shared.utilities import session_events, sessions
from shared.utilities.settings import ServiceSettings
from tests.factories import create_account, create_contact, create_signed_in, create_sub_account

IDLE = timedelta(days=1)
SEAL = sessions.seal_for(ServiceSettings())


async def suspend(api, signed_in, account_id, **body):
    return await api.post(
        f"/v1/accounts/sub-accounts/{account_id}/suspend", json=body, headers=signed_in.headers
    )


async def reactivate(api, signed_in, account_id):
    return await api.post(
        f"/v1/accounts/sub-accounts/{account_id}/reactivate", headers=signed_in.headers
    )


@asynccontextmanager
async def session_events_heard(redis):
    """The session events published meanwhile, read once the block is done."""
    heard: list[dict] = []
    async with redis.pubsub() as pubsub:
        await pubsub.subscribe(session_events.CHANNEL)
        await pubsub.get_message(timeout=1)  # the subscription's confirmation
        yield heard
        while message := await pubsub.get_message(ignore_subscribe_messages=True, timeout=0.5):
            heard.append(json.loads(message["data"]))


async def test_an_agency_owner_suspends_a_sub_account_with_a_reason(api):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)

    response = await suspend(api, owner, client.id, reason="Unpaid invoice")

    assert response.status_code == 200
    assert (response.json()["status"], response.json()["status_reason"]) == (
        "suspended",
        "Unpaid invoice",
    )
    stored = await Account.get(client.id)
    assert (stored.status, stored.status_reason) == (AccountStatus.SUSPENDED, "Unpaid invoice")
    assert stored.status_since is not None


async def test_a_suspension_needs_no_body(api):
    owner = await create_signed_in(role=Role.ADMIN)
    client = await create_sub_account(owner.account)

    response = await api.post(
        f"/v1/accounts/sub-accounts/{client.id}/suspend", headers=owner.headers
    )

    assert response.status_code == 200
    assert (await Account.get(client.id)).status is AccountStatus.SUSPENDED


async def test_a_suspended_sub_accounts_data_stays(api):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)
    contact = await create_contact(client)

    await suspend(api, owner, client.id)

    assert await Contact.get(contact.id)


async def test_another_agencys_sub_account_answers_404_and_stays_active(api):
    owner = await create_signed_in()
    theirs = await create_sub_account(await create_account())

    response = await suspend(api, owner, theirs.id)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert (await Account.get(theirs.id)).status is AccountStatus.ACTIVE


async def test_an_agency_cannot_suspend_itself_through_the_route(api):
    owner = await create_signed_in()

    response = await suspend(api, owner, owner.account.id)

    assert response.status_code == 404
    assert (await Account.get(owner.account.id)).status is AccountStatus.ACTIVE


async def test_a_member_of_the_agency_may_not_suspend(api):
    member = await create_signed_in(role=Role.MEMBER)
    client = await create_sub_account(member.account)

    response = await suspend(api, member, client.id)

    assert response.status_code == 403
    assert response.json()["error"]["details"] == [{"scope": "account:write"}]
    assert (await Account.get(client.id)).status is AccountStatus.ACTIVE


async def test_suspending_a_suspended_sub_account_answers_409_and_keeps_the_first_suspension(
    api,
):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)
    await suspend(api, owner, client.id, reason="First")
    first = await Account.get(client.id)

    response = await suspend(api, owner, client.id, reason="Second")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "already_suspended"
    stored = await Account.get(client.id)
    assert (stored.status_reason, stored.status_since) == ("First", first.status_since)


async def test_a_reason_longer_than_500_characters_answers_422_and_nothing_changes(api):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)

    response = await suspend(api, owner, client.id, reason="x" * 501)

    assert response.status_code == 422
    assert (await Account.get(client.id)).status is AccountStatus.ACTIVE


async def test_suspending_drops_the_cached_states_of_sessions_acting_in_it(api, redis):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)
    member = await create_signed_in(account=client, role=Role.MEMBER)
    assert (await sessions.lookup(redis, member.session_id, IDLE, SEAL)).closed_account() is None

    await suspend(api, owner, client.id)

    state = await sessions.lookup(redis, member.session_id, IDLE, SEAL)
    assert state.closed_account().code == "account_suspended"


async def test_suspending_tells_the_socket_services_the_account_is_closed(api, redis):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)

    async with session_events_heard(redis) as heard:
        await suspend(api, owner, client.id)

    assert {"kind": "account_closed", "account_id": str(client.id)} in [
        {key: event[key] for key in ("kind", "account_id")} for event in heard
    ]


async def test_an_agency_owner_reactivates_a_suspended_sub_account(api):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)
    await suspend(api, owner, client.id, reason="Unpaid")

    response = await reactivate(api, owner, client.id)

    assert response.status_code == 200
    assert (response.json()["status"], response.json()["status_reason"]) == ("active", None)
    assert (await Account.get(client.id)).status is AccountStatus.ACTIVE


async def test_reactivating_lets_the_sessions_acting_in_it_in_again(api, redis):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)
    member = await create_signed_in(account=client, role=Role.MEMBER)
    await suspend(api, owner, client.id)
    await sessions.lookup(redis, member.session_id, IDLE, SEAL)  # cached as suspended

    await reactivate(api, owner, client.id)

    state = await sessions.lookup(redis, member.session_id, IDLE, SEAL)
    assert state.closed_account() is None


async def test_reactivating_an_active_sub_account_answers_409_and_nothing_changes(api):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)

    response = await reactivate(api, owner, client.id)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "not_suspended"
    assert (await Account.get(client.id)).status_since is None


async def test_reactivating_another_agencys_sub_account_answers_404_and_it_stays_suspended(api):
    owner = await create_signed_in()
    theirs = await create_sub_account(await create_account(), status=AccountStatus.SUSPENDED)

    response = await reactivate(api, owner, theirs.id)

    assert response.status_code == 404
    assert (await Account.get(theirs.id)).status is AccountStatus.SUSPENDED


async def test_two_suspensions_at_once_suspend_once(api):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)

    responses = await asyncio.gather(*(suspend(api, owner, client.id) for _ in range(4)))

    assert sorted(response.status_code for response in responses) == [200, 409, 409, 409]
