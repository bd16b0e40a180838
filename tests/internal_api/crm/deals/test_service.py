"""The deals service's business rules, called as the routes call it: for a caller (a user and
the deals they see), on the test database, with an outbox holding what it sends."""

import pytest
from beanie import PydanticObjectId

from internal_api.crm.deals import service
from internal_api.crm.deals.errors import LostReasonRequired, UnknownContacts
from internal_api.crm.deals.schemas import DealCreate, DealMove, DealUpdate
from internal_api.crm.visibility import Caller, visibility_in
from shared.domain.accounts.locale import locale_of
from shared.domain.accounts.users import NotAccountUsers
from shared.domain.deals.repository import DealRepository
from shared.models.automation import Automation
from shared.models.automation_log import AutomationLog
from shared.models.crm_log import CrmLog
from shared.models.crm_note import CrmNote
from shared.models.deal import Deal, DealStatus
from shared.models.membership import Role
from shared.utilities.auth import Principal, TokenKind
from shared.utilities.errors import NotFound
from shared.utilities.outbox import Outbox, _current
from shared.utilities.settings import ServiceSettings
from shared.utilities.task_names import HOOKS_DISPATCH
from tests.factories import (
    create_account,
    create_contact,
    create_deal,
    create_membership,
    create_pipeline,
    create_signed_in,
    create_sub_account,
    create_user,
)


@pytest.fixture(autouse=True)
def outbox(mongo):
    """What the service asks to send, held as a request's outbox holds it."""
    held = Outbox()
    token = _current.set(held)
    yield held
    _current.reset(token)


def caller_in(account, user, role: Role = Role.OWNER) -> Caller[DealRepository]:
    principal = Principal(
        kind=TokenKind.USER, sub=str(user.id), account_id=str(account.id), role=role
    )
    deals = DealRepository(account.id, visibility_in(principal, account))
    return Caller(principal, deals, locale_of(account, ServiceSettings()))


def caller_of(signed_in) -> Caller[DealRepository]:
    return caller_in(signed_in.account, signed_in.user, signed_in.membership.role)


def new_deal(pipeline, **fields) -> DealCreate:
    return DealCreate(pipeline_id=pipeline.id, stage_id=pipeline.stages[0].id, **fields)


async def agency_owner_in_a_client(role: Role = Role.OWNER):
    """An agency's user (in `role`) acting in one of its sub-accounts, and that sub-account."""
    agency = await create_account()
    client = await create_sub_account(agency)
    user = await create_user()
    await create_membership(agency, user, role)
    return caller_in(client, user, Role.ADMIN), client


async def test_a_new_deal_is_owned_by_its_creator_and_last_on_its_stage():
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    await create_deal(pipeline)

    deal = await service.create_deal(caller_of(owner), new_deal(pipeline, title="Redesign"))

    stored = await Deal.get(deal.id)
    assert (stored.owner_id, stored.position, stored.title) == (owner.user.id, 1, "Redesign")


async def test_an_agency_owner_in_a_sub_account_creates_a_deal_they_own():
    caller, client = await agency_owner_in_a_client()
    pipeline = await create_pipeline(client)

    deal = await service.create_deal(caller, new_deal(pipeline, title="Client site"))

    assert (await Deal.get(deal.id)).owner_id == caller.user_id


async def test_an_agency_admin_may_follow_a_sub_accounts_deal():
    admin, client = await agency_owner_in_a_client(Role.ADMIN)
    member = await create_signed_in(client, Role.MEMBER)
    pipeline = await create_pipeline(client)

    deal = await service.create_deal(
        caller_of(member), new_deal(pipeline, title="X", follower_ids=[admin.user_id])
    )

    assert (await Deal.get(deal.id)).follower_ids == [admin.user_id]


async def test_an_agency_member_is_not_a_user_of_its_sub_accounts():
    agency = await create_account()
    client = await create_sub_account(agency)
    agency_member = await create_signed_in(agency, Role.MEMBER)
    owner = await create_signed_in(client)
    pipeline = await create_pipeline(client)

    with pytest.raises(NotAccountUsers) as refused:
        await service.create_deal(
            caller_of(owner), new_deal(pipeline, title="X", owner_id=agency_member.user.id)
        )

    assert refused.value.details == [{"field": "owner_id", "id": str(agency_member.user.id)}]
    assert await Deal.find({"account_id": client.id}).count() == 0


async def test_followers_who_are_not_users_are_all_named_and_nothing_is_stored():
    owner = await create_signed_in()
    stranger = await create_signed_in()
    nobody = PydanticObjectId()
    pipeline = await create_pipeline(owner.account)

    with pytest.raises(NotAccountUsers) as refused:
        await service.create_deal(
            caller_of(owner),
            new_deal(pipeline, title="X", follower_ids=[stranger.user.id, owner.user.id, nobody]),
        )

    assert [detail["id"] for detail in refused.value.details] == [
        str(stranger.user.id),
        str(nobody),
    ]
    assert await Deal.find({"account_id": owner.account.id}).count() == 0


async def test_contacts_deleted_or_of_another_account_are_all_named():
    owner = await create_signed_in()
    live = await create_contact(owner.account)
    deleted = await create_contact(owner.account, deleted_at=live.created_at)
    theirs = await create_contact(await create_account())
    pipeline = await create_pipeline(owner.account)

    with pytest.raises(UnknownContacts) as refused:
        await service.create_deal(
            caller_of(owner),
            new_deal(pipeline, title="X", contact_ids=[live.id, deleted.id, theirs.id]),
        )

    assert [detail["id"] for detail in refused.value.details] == [str(deleted.id), str(theirs.id)]


async def test_a_lost_deal_needs_a_reason():
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)

    with pytest.raises(LostReasonRequired):
        await service.create_deal(caller_of(owner), new_deal(pipeline, title="X", status="lost"))

    assert await Deal.find({"account_id": owner.account.id}).count() == 0


async def test_a_deal_won_at_creation_is_closed():
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)

    deal = await service.create_deal(caller_of(owner), new_deal(pipeline, title="X", status="won"))

    assert (await Deal.get(deal.id)).closed_at is not None


async def test_reopening_clears_the_close_and_the_reason():
    owner = await create_signed_in()
    deal = await create_deal(
        await create_pipeline(owner.account),
        status=DealStatus.LOST,
        lost_reason="Budget",
        closed_at=owner.account.created_at,
    )

    await service.update_deal(caller_of(owner), str(deal.id), DealUpdate(status="open"))

    stored = await Deal.get(deal.id)
    assert (stored.status, stored.lost_reason, stored.closed_at) == (DealStatus.OPEN, None, None)


async def test_a_status_change_is_recorded_apart_from_other_changes():
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account))

    await service.update_deal(
        caller_of(owner), str(deal.id), DealUpdate(status="won", title="Signed")
    )

    entries = await CrmLog.find({"entity_id": deal.id}).to_list()
    fields = {entry.action: sorted(c.field for c in entry.changes) for entry in entries}
    assert fields == {"status_changed": ["closed_at", "status"], "updated": ["title"]}


async def test_an_update_changing_nothing_records_nothing():
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account), title="Same")

    await service.update_deal(caller_of(owner), str(deal.id), DealUpdate(title="Same"))

    assert await CrmLog.find({"entity_id": deal.id}).count() == 0


async def test_creating_a_deal_sends_its_deal_created_event(outbox):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)

    deal = await service.create_deal(caller_of(owner), new_deal(pipeline, title="X"))

    [event] = [job.kwargs["event"] for job in outbox.jobs if job.name == HOOKS_DISPATCH.name]
    assert (event["type"], event["data"]["deal"]["id"]) == ("deal.created", str(deal.id))


async def test_a_move_onto_another_stage_closes_the_gap_and_fires_its_automations():
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    moving, staying = await create_deal(pipeline), await create_deal(pipeline)
    target = pipeline.stages[1]
    rule = await Automation(
        account_id=owner.account.id,
        name="Qualified",
        trigger={"type": "deal.stage_entered", "pipeline_id": pipeline.id, "stage_id": target.id},
        actions=[{"type": "add_tag", "tag": "qualified"}],
    ).insert()

    await service.move_deal(caller_of(owner), str(moving.id), DealMove(stage_id=target.id))

    assert ((await Deal.get(moving.id)).stage_id, (await Deal.get(staying.id)).position) == (
        target.id,
        0,
    )
    assert await AutomationLog.find({"automation_id": rule.id, "entity_id": moving.id}).count()


async def test_deleting_a_deal_deletes_its_notes_and_closes_the_gap():
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    first, second = await create_deal(pipeline), await create_deal(pipeline)
    await CrmNote(
        account_id=owner.account.id, deal_id=first.id, author_id=owner.user.id, body="Hi"
    ).insert()

    await service.delete_deal(caller_of(owner), str(first.id))

    assert await CrmNote.find({"deal_id": first.id}).count() == 0
    assert (await Deal.get(second.id)).position == 0


async def test_a_deal_hidden_from_a_restricted_member_cannot_be_changed():
    account = await create_account(restrict_members_to_own_records=True)
    member = await create_signed_in(account, Role.MEMBER)
    deal = await create_deal(await create_pipeline(account), title="Theirs")

    with pytest.raises(NotFound):
        await service.update_deal(caller_of(member), str(deal.id), DealUpdate(title="Mine"))

    assert (await Deal.get(deal.id)).title == "Theirs"
