"""Deals: creating, changing, moving between stages, deleting; each change is logged.

Every read of a deal goes through the caller's visible repository (`VisibleRepository[Deal]`),
so a deal hidden from them answers 404 like a missing one. Entering a stage (on creation or by
a move) fires the account's `deal.stage_entered` automations.
"""

from typing import Any

from beanie import PydanticObjectId

from internal_api.accounts.service import find_member
from internal_api.activities import service as activities
from internal_api.automations import service as automations
from internal_api.crm.deals.events import publish_deal_event
from internal_api.crm.deals.positions import StagePositions
from internal_api.crm.deals.schemas import DealCreate, DealFilters, DealMove, DealUpdate
from internal_api.crm.notes import service as notes
from internal_api.crm.pipelines.repository import PipelineRepository
from internal_api.crm.visibility import VisibleRepository
from shared.models.base import utc_now
from shared.models.contact import Contact
from shared.models.crm_log import CrmLog, FieldChange
from shared.models.deal import Deal, DealStatus
from shared.models.pipeline import Pipeline, Stage
from shared.utilities.auth import Principal
from shared.utilities.errors import InvalidInput, NotFound
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import TenantRepository

# What the activity log follows; a status change is logged apart from other edits.
LOGGED_FIELDS = {
    "title",
    "pipeline_id",
    "stage_id",
    "position",
    "contact_ids",
    "owner_id",
    "follower_ids",
    "value",
    "currency",
    "expected_close_date",
    "status",
    "lost_reason",
    "closed_at",
}
STATUS_FIELDS = {"status", "lost_reason", "closed_at"}

Deals = VisibleRepository[Deal]
DEAL_SORTS = ("created_at", "updated_at", "position", "value", "title", "expected_close_date")


async def create_deal(principal: Principal, deals: Deals, body: DealCreate) -> Deal:
    pipeline, stage = await PipelineRepository(deals.account_id).get_stage(
        body.pipeline_id, body.stage_id
    )
    fields = body.model_dump(exclude={"position"})
    fields["owner_id"] = body.owner_id or PydanticObjectId(principal.sub)
    await check_links(principal, fields)
    deal = Deal(**fields, account_id=deals.account_id, position=0)
    settle_status(deal, was=None)
    deal.position = await StagePositions(deals.account_id).open_slot(
        pipeline.id, stage.id, body.position
    )
    await deal.insert()
    await log(principal, deal, "created", activities.changes_between({}, snapshot(deal)))
    await entered_stage(deal)
    return deal


async def list_deals(deals: Deals, params: PageParams, filters: DealFilters) -> Page[Deal]:
    return await deals.paginate(params, filters.query())


async def update_deal(principal: Principal, deals: Deals, deal_id: str, body: DealUpdate) -> Deal:
    deal = await deals.get(deal_id)
    sent = body.model_dump(exclude_unset=True)
    await check_links(principal, sent)
    before, was = snapshot(deal), deal.status
    for field, value in sent.items():
        setattr(deal, field, value)
    settle_status(deal, was)
    await deal.save()
    changes = activities.changes_between(before, snapshot(deal))
    status_changes = [change for change in changes if change.field in STATUS_FIELDS]
    other_changes = [change for change in changes if change.field not in STATUS_FIELDS]
    await log(principal, deal, "status_changed", status_changes)
    await log(principal, deal, "updated", other_changes)
    return deal


async def move_deal(principal: Principal, deals: Deals, deal_id: str, body: DealMove) -> Deal:
    """Onto a stage of any of the account's pipelines, at a position (the end by default)."""
    deal = await deals.get(deal_id)
    pipeline, stage = await PipelineRepository(deals.account_id).holding(body.stage_id)
    await move_to(principal, deal, pipeline, stage, body.position)
    return deal


async def move_all(principal: Principal, source: Stage, target_pipeline: Pipeline, target: Stage):
    """Every deal of the `source` stage to the end of `target`, in their order, each logged:
    what a stage or a pipeline being deleted does with its deals."""
    every_deal = TenantRepository(Deal, target_pipeline.account_id)
    # Read whole first: each move shifts the positions a cursor would be walking.
    moving = await Deal.find(every_deal.scoped({"stage_id": source.id})).sort("+position").to_list()
    for deal in moving:
        await move_to(principal, deal, target_pipeline, target, wanted=None)


async def count_in_stages(account_id: PydanticObjectId, stages: list[Stage]) -> int:
    """Every deal of these stages, whoever may see it."""
    stage_ids = [stage.id for stage in stages]
    return await TenantRepository(Deal, account_id).count({"stage_id": {"$in": stage_ids}})


async def delete_deal(principal: Principal, deals: Deals, deal_id: str) -> None:
    deal = await deals.get(deal_id)
    await deal.delete()
    await StagePositions(deals.account_id).close_slot(deal)
    await notes.delete_for_deal(deals.account_id, deal.id)
    await log(principal, deal, "deleted", activities.changes_between(snapshot(deal), {}))


async def history(deals: Deals, deal_id: str, params: PageParams) -> Page[CrmLog]:
    deal = await deals.get(deal_id)
    return await activities.list_for_record(str(deals.account_id), params, "deal", deal.id)


async def move_to(
    principal: Principal, deal: Deal, pipeline: Pipeline, stage: Stage, wanted: int | None
) -> None:
    before = snapshot(deal)
    entering = deal.stage_id != stage.id
    await StagePositions(deal.account_id).move(deal, pipeline.id, stage.id, wanted)
    changes = activities.changes_between(before, snapshot(deal))
    await log(principal, deal, "stage_changed" if entering else "moved", changes)
    if entering:
        await entered_stage(deal)


async def entered_stage(deal: Deal) -> None:
    subject = {"pipeline_id": deal.pipeline_id, "stage_id": deal.stage_id}
    await automations.fire(deal.account_id, "deal.stage_entered", subject, "deal", deal.id)


def settle_status(deal: Deal, was: DealStatus | None) -> None:
    """A lost deal needs a reason, which only a lost deal keeps; winning or losing closes it."""
    if deal.status is DealStatus.LOST and not deal.lost_reason:
        raise InvalidInput(
            "A lost deal needs a reason.",
            details=[{"field": "body.lost_reason", "message": "required when status is lost"}],
        )
    if deal.status is not DealStatus.LOST:
        deal.lost_reason = None
    if deal.status is DealStatus.OPEN:
        deal.closed_at = None
    elif deal.status is not was:
        deal.closed_at = utc_now()


async def check_links(principal: Principal, fields: dict[str, Any]) -> None:
    """The owner and followers are members of the account; the contacts are its live ones."""
    owner = [fields["owner_id"]] if fields.get("owner_id") else []
    for user_id in owner + fields.get("follower_ids", []):
        await find_member(principal, str(user_id))
    await check_contacts(principal.account_id, fields.get("contact_ids", []))


async def check_contacts(account_id: str, contact_ids: list[PydanticObjectId]) -> None:
    contacts = TenantRepository(Contact, account_id)
    live = {"_id": {"$in": contact_ids}, "deleted_at": None}
    found = {contact.id for contact in await contacts.list(live, limit=len(contact_ids) or 1)}
    for contact_id in contact_ids:
        if contact_id not in found:
            raise NotFound(
                f"Contact {contact_id} does not exist.",
                details=[{"field": "body.contact_ids", "id": str(contact_id)}],
            )


def snapshot(deal: Deal) -> dict[str, Any]:
    """The logged fields as the API shows them (ids as strings, dates as ISO text)."""
    return deal.model_dump(mode="json", include=LOGGED_FIELDS)


async def log(principal: Principal, deal: Deal, action: str, changes: list[FieldChange]) -> None:
    """One activity entry and its webhook event, unless nothing changed."""
    if changes:
        await activities.record(principal, deal.account_id, "deal", deal.id, action, changes)
        publish_deal_event(deal, action, changes)
