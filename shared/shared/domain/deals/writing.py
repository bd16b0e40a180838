"""Opening a deal, and what every change to a deal leaves behind: the activity log entry (old
value to new) with its webhook event, and the automations watching the stage it enters.

    deal = Deal(account_id=..., title="Website", pipeline_id=..., stage_id=..., position=0)
    await open_deal(deal, actor_id=None)   # the platform's (a form), or a user's id
"""

from typing import Any

from beanie import PydanticObjectId

from shared.domain.activities import recording as activities
from shared.domain.automations.firing import fire
from shared.domain.deals.events import publish_deal_event
from shared.domain.deals.positions import StagePositions
from shared.domain.deals.repository import DealRepository
from shared.models.base import utc_now
from shared.models.crm_log import FieldChange
from shared.models.deal import Deal, DealStatus

# What the activity log follows, old value to new.
TRACKED_FIELDS = {
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


async def open_deal(deal: Deal, actor_id: PydanticObjectId | None, wanted: int | None = None):
    """The deal stored at `wanted` on its stage (the end when None), the other deals of the
    stage making room; recorded, published, and the stage's automations fired."""
    positions = StagePositions(DealRepository(deal.account_id))
    deal.position = await positions.open_slot(deal.stage_id, wanted)
    await deal.insert()
    await recorded(actor_id, deal, "created", activities.changes_between({}, snapshot(deal)))
    await entered_stage(deal)


async def win_deal(deal: Deal, actor_id: PydanticObjectId | None) -> bool:
    """The deal won, unless it is closed already (won, or lost: a person decided): whether it
    was won now. Recorded as a status change; winning it twice changes nothing."""
    before = snapshot(deal)
    won = await DealRepository(deal.account_id).close_open(deal, DealStatus.WON, utc_now())
    if won is None:
        return False
    await recorded(
        actor_id, won, "status_changed", activities.changes_between(before, snapshot(won))
    )
    return True


async def entered_stage(deal: Deal) -> None:
    subject = {"pipeline_id": deal.pipeline_id, "stage_id": deal.stage_id}
    await fire(deal.account_id, "deal.stage_entered", subject, "deal", deal.id)


def snapshot(deal: Deal) -> dict[str, Any]:
    """The tracked fields as the API shows them (ids as strings, dates as ISO text)."""
    return deal.model_dump(mode="json", include=TRACKED_FIELDS)


async def recorded(
    actor_id: PydanticObjectId | None, deal: Deal, action: str, changes: list[FieldChange]
) -> None:
    """One activity entry and its webhook event, unless nothing changed."""
    if changes:
        assert deal.id is not None, "a stored deal"
        await activities.record(deal.account_id, actor_id, "deal", deal.id, action, changes)
        publish_deal_event(deal, action, changes)
