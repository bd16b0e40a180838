"""Deals: creating, changing, moving between stages, deleting; each change is recorded in the
activity log, old value to new.

Every function acts for a `Caller`: a user and the deals of their account they see (a hidden
deal answers 404 like a missing one). Owners and followers are users of the account
(`require_users`: its members, and in a sub-account its agency's owners and admins); contacts
are its live ones. Entering a stage (on creation or by a move) fires the account's
`deal.stage_entered` automations.
"""

from typing import Any

from beanie import PydanticObjectId

from internal_api.crm.deals.auth import DealsCaller
from internal_api.crm.deals.errors import LostReasonRequired, UnknownContacts
from internal_api.crm.deals.schemas import DealCreate, DealFilters, DealMove, DealUpdate
from internal_api.crm.notes import service as notes
from internal_api.crm.pipelines.repository import PipelineRepository
from shared.domain.accounts.users import require_users
from shared.domain.activities import recording as activities
from shared.domain.activities.repository import ActivityRepository
from shared.domain.deals.positions import StagePositions
from shared.domain.deals.repository import DealRepository
from shared.domain.deals.writing import entered_stage, open_deal, recorded, snapshot
from shared.models.base import utc_now
from shared.models.crm_log import CrmLog, FieldChange
from shared.models.deal import Deal, DealStatus
from shared.models.pipeline import Pipeline, Stage
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams

# A status change is recorded apart from the other changes.
STATUS_FIELDS = {"status", "lost_reason", "closed_at"}


async def create_deal(caller: DealsCaller, data: DealCreate) -> Deal:
    """A new deal at `data.position` on its stage (the end by default), owned by the caller
    unless the data names another owner."""
    await PipelineRepository(caller.account_id).get_stage(data.pipeline_id, data.stage_id)
    fields = data.model_dump(exclude={"position"})
    fields["owner_id"] = data.owner_id or caller.user_id
    await check_links(caller, fields)
    deal = Deal(**fields, account_id=caller.account_id, position=0)
    settle_status(deal, was=None)
    await open_deal(deal, caller.user_id, data.position)
    return deal


async def list_deals(caller: DealsCaller, params: PageParams, filters: DealFilters) -> Page[Deal]:
    return await caller.records.paginate(params, filters.query())


async def get_deal(caller: DealsCaller, deal_id: str) -> Deal:
    return await caller.records.get(deal_id)


async def update_deal(caller: DealsCaller, deal_id: str, data: DealUpdate) -> Deal:
    """Only the fields sent change; winning or losing closes the deal, reopening it clears
    the close. A status change is recorded apart from the other changes."""
    deal = await get_deal(caller, deal_id)
    sent = data.model_dump(exclude_unset=True)
    await check_links(caller, sent)
    before, was = snapshot(deal), deal.status
    for field, value in sent.items():
        setattr(deal, field, value)
    settle_status(deal, was)
    await deal.save()
    changes = activities.changes_between(before, snapshot(deal))
    status_changes = [change for change in changes if change.field in STATUS_FIELDS]
    other_changes = [change for change in changes if change.field not in STATUS_FIELDS]
    await record(caller.principal, deal, "status_changed", status_changes)
    await record(caller.principal, deal, "updated", other_changes)
    return deal


async def move_deal(caller: DealsCaller, deal_id: str, data: DealMove) -> Deal:
    """Onto a stage of any of the account's pipelines, at a position (the end by default)."""
    deal = await get_deal(caller, deal_id)
    pipeline, stage = await PipelineRepository(caller.account_id).holding(data.stage_id)
    await move_to(caller.principal, deal, pipeline, stage, data.position)
    return deal


async def delete_deal(caller: DealsCaller, deal_id: str) -> None:
    """The deal and its notes; the other deals of its stage close up."""
    deal = await get_deal(caller, deal_id)
    await deal.delete()
    await StagePositions(caller.records).close_slot(deal)
    await notes.delete_for_deal(caller.account_id, deal.id)
    await record(caller.principal, deal, "deleted", activities.changes_between(snapshot(deal), {}))


async def history(caller: DealsCaller, deal_id: str, params: PageParams) -> Page[CrmLog]:
    deal = await get_deal(caller, deal_id)
    activity_log = ActivityRepository(caller.account_id)
    return await activity_log.paginate(params, activity_log.of_record("deal", deal.id))


async def move_all(principal: Principal, source: Stage, target_pipeline: Pipeline, target: Stage):
    """Every deal of the `source` stage to the end of `target`, in their order, each recorded:
    what a stage or a pipeline being deleted does with its deals."""
    # Read whole first: each move shifts the positions a cursor would be walking.
    for deal in await DealRepository(target_pipeline.account_id).on_stage(source.id):
        await move_to(principal, deal, target_pipeline, target, wanted=None)


async def count_on_stages(account_id: PydanticObjectId, stages: list[Stage]) -> int:
    """Every deal of these stages, whoever may see it."""
    return await DealRepository(account_id).count_on_stages([stage.id for stage in stages])


async def move_to(
    principal: Principal, deal: Deal, pipeline: Pipeline, stage: Stage, wanted: int | None
) -> None:
    before = snapshot(deal)
    entering = deal.stage_id != stage.id
    await StagePositions(DealRepository(deal.account_id)).move(deal, pipeline.id, stage.id, wanted)
    changes = activities.changes_between(before, snapshot(deal))
    await record(principal, deal, "stage_changed" if entering else "moved", changes)
    if entering:
        await entered_stage(deal)


def settle_status(deal: Deal, was: DealStatus | None) -> None:
    """A lost deal needs a reason, which only a lost deal keeps; winning or losing closes it."""
    if deal.status is DealStatus.LOST and not deal.lost_reason:
        raise LostReasonRequired(
            details=[{"field": "lost_reason", "message": "required when status is lost"}]
        )
    if deal.status is not DealStatus.LOST:
        deal.lost_reason = None
    if deal.status is DealStatus.OPEN:
        deal.closed_at = None
    elif deal.status is not was:
        deal.closed_at = utc_now()


async def check_links(caller: DealsCaller, fields: dict[str, Any]) -> None:
    """The owner and followers are users of the account; the contacts are its live ones."""
    if fields.get("owner_id"):
        await require_users(caller.account_id, [str(fields["owner_id"])], "owner_id")
    if fields.get("follower_ids"):
        followers = [str(user_id) for user_id in fields["follower_ids"]]
        await require_users(caller.account_id, followers, "follower_ids")
    await check_contacts(caller.records, fields.get("contact_ids", []))


async def check_contacts(deals: DealRepository, contact_ids: list[PydanticObjectId]) -> None:
    if not contact_ids:
        return
    live = await deals.live_contacts_among(contact_ids)
    missing = [str(contact_id) for contact_id in contact_ids if contact_id not in live]
    if missing:
        raise UnknownContacts(
            f"Not contacts of this account: {', '.join(missing)}.",
            details=[{"field": "contact_ids", "id": contact_id} for contact_id in missing],
        )


async def record(principal: Principal, deal: Deal, action: str, changes: list[FieldChange]) -> None:
    await recorded(PydanticObjectId(principal.sub), deal, action, changes)
