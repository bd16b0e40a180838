"""Deals' positions within a stage: 0, 1, 2, ... with no gaps, in board order.

Positions count every deal of the stage, whatever its status and whoever may see it, so the
shifts here go through the account's whole repository, not the caller's visible one.
A move is a few writes in one transaction on a replica set (`shared.utilities.db.transaction`),
so a move that fails half-way leaves the positions as they were. Without one (the in-memory
database) they are not undone, and two concurrent moves in one stage can leave a duplicate or
a gap (so can two transactions, which MongoDB lets both commit when they touch different
deals), which the next move around it does not repair; the board still orders by position, so
nothing is lost.
"""

from beanie import PydanticObjectId

from shared.domain.deals.repository import DealRepository
from shared.models.deal import Deal
from shared.utilities import db


class StagePositions:
    def __init__(self, deals: DealRepository) -> None:
        self.every_deal = deals.whole_account()

    async def open_slot(
        self, stage_id: PydanticObjectId, wanted: int | None, moving: PydanticObjectId | None = None
    ) -> int:
        """Make room at `wanted` (the end when None or past it) and answer the position.
        `moving` is a deal already stored, which neither counts nor shifts."""
        size = await self.every_deal.count_on_stage(stage_id, other_than=moving)
        slot = size if wanted is None else min(wanted, size)
        await self.every_deal.shift(stage_id, slot, +1, other_than=moving)
        return slot

    async def close_slot(self, deal: Deal) -> None:
        """Close the gap a deal leaves in its stage."""
        await self.every_deal.shift(deal.stage_id, deal.position + 1, -1, other_than=deal.id)

    async def move(
        self,
        deal: Deal,
        pipeline_id: PydanticObjectId,
        stage_id: PydanticObjectId,
        wanted: int | None,
    ) -> None:
        """Take the deal out of its stage and put it at `wanted` in the other (or the same)."""
        async with db.transaction():
            await self.close_slot(deal)
            deal.position = await self.open_slot(stage_id, wanted, moving=deal.id)
            deal.pipeline_id, deal.stage_id = pipeline_id, stage_id
            await deal.save()
