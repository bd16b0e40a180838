"""GET /v1/activities: the account's log, newest first, narrowed for restricted members."""

import pytest
from beanie import PydanticObjectId

from shared.domain.activities import recording
from shared.models.membership import Role
from shared.utilities.outbox import Senders, collecting
from tests.factories import create_account, create_signed_in
from tests.shared.utilities.test_outbox import RecordingEmitter, RecordingTasks


async def record(who, account_id, entity_type, entity_id, action):
    """An entry recorded as a request records it (by `who`, a SignedIn or None), its live
    update held in an outbox."""
    actor = who.user.id if who else None
    async with collecting(Senders(tasks=RecordingTasks(), emitter=RecordingEmitter())):
        return await recording.record(account_id, actor, entity_type, entity_id, action)


async def test_the_account_log_lists_entries_newest_first(api):
    owner = await create_signed_in()
    contact = PydanticObjectId()
    await record(owner, owner.account.id, "contact", contact, "created")
    await record(owner, owner.account.id, "contact", contact, "updated")

    response = await api.get("/v1/activities", headers=owner.headers)

    assert response.status_code == 200
    assert [entry["action"] for entry in response.json()["data"]] == ["updated", "created"]
    assert response.json()["data"][0]["actor_id"] == str(owner.user.id)


async def test_the_log_can_be_narrowed_to_one_kind_of_record(api):
    owner = await create_signed_in()
    await record(None, owner.account.id, "contact", PydanticObjectId(), "created")
    await record(None, owner.account.id, "deal", PydanticObjectId(), "created")

    response = await api.get("/v1/activities?entity_type=deal", headers=owner.headers)

    assert [entry["entity_type"] for entry in response.json()["data"]] == ["deal"]


async def test_another_accounts_entries_are_never_listed(api):
    owner, stranger = await create_signed_in(), await create_signed_in()
    await record(None, stranger.account.id, "contact", PydanticObjectId(), "created")

    response = await api.get("/v1/activities", headers=owner.headers)

    assert response.json()["data"] == []


async def test_a_restricted_member_reads_only_their_own_entries(api):
    account = await create_account(restrict_members_to_own_records=True)
    owner = await create_signed_in(account)
    member = await create_signed_in(account, Role.MEMBER)
    await record(owner, account.id, "contact", PydanticObjectId(), "created")
    await record(member, account.id, "contact", PydanticObjectId(), "updated")

    response = await api.get("/v1/activities", headers=member.headers)

    assert [entry["action"] for entry in response.json()["data"]] == ["updated"]


@pytest.mark.parametrize("scope_missing", ["contacts:read", "deals:read"])
async def test_reading_the_log_needs_both_read_scopes(api, scope_missing):
    owner = await create_signed_in()
    await owner.membership.set(
        {"scopes": [s for s in owner.membership.scopes if s != scope_missing]}
    )

    response = await api.get("/v1/activities", headers=owner.headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
