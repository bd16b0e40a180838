"""Deals' positions within a stage: 0, 1, 2, ... with no gaps, in board order.

Positions count every deal of the stage, whatever its status and whoever may see it, so the
shifts here go through the account's plain repository, not the caller's visible one.
A move is a few writes without a transaction (mongomock has none): two concurrent moves in one
stage can leave a duplicate or a gap, which the next move around it does not repair; the
board still orders by position, so nothing is lost.
"""

from beanie import PydanticObjectId

from shared.models.deal import Deal
from shared.utilities.repository import TenantRepository


class StagePositions:
    def __init__(self, account_id: str | PydanticObjectId) -> None:
        self.every_deal = TenantRepository(Deal, account_id)

    async def open_slot(
        self,
        pipeline_id: PydanticObjectId,
        stage_id: PydanticObjectId,
        wanted: int | None,
        moving: PydanticObjectId | None = None,
    ) -> int:
        """Make room at `wanted` (the end when None or past it) and answer the position.
        `moving` is a deal already stored, which neither counts nor shifts."""
        size = await self.every_deal.count(self.in_stage(pipeline_id, stage_id, moving))
        slot = size if wanted is None else min(wanted, size)
        await self.shift(pipeline_id, stage_id, slot, +1, moving)
        return slot

    async def close_slot(self, deal: Deal) -> None:
        """Close the gap a deal leaves in its stage."""
        await self.shift(deal.pipeline_id, deal.stage_id, deal.position + 1, -1, deal.id)

    async def move(
        self,
        deal: Deal,
        pipeline_id: PydanticObjectId,
        stage_id: PydanticObjectId,
        wanted: int | None,
    ) -> None:
        """Take the deal out of its stage and put it at `wanted` in the other (or the same)."""
        await self.close_slot(deal)
        deal.position = await self.open_slot(pipeline_id, stage_id, wanted, moving=deal.id)
        deal.pipeline_id, deal.stage_id = pipeline_id, stage_id
        await deal.save()

    async def shift(
        self,
        pipeline_id: PydanticObjectId,
        stage_id: PydanticObjectId,
        first: int,
        by: int,
        moving: PydanticObjectId | None,
    ) -> None:
        """Add `by` to the position of every deal of the stage at `first` or after."""
        filters = {**self.in_stage(pipeline_id, stage_id, moving), "position": {"$gte": first}}
        await Deal.find(self.every_deal.scoped(filters)).update({"$inc": {"position": by}})

    @staticmethod
    def in_stage(
        pipeline_id: PydanticObjectId, stage_id: PydanticObjectId, moving: PydanticObjectId | None
    ) -> dict:
        # pipeline_id is implied by the stage but lets the query use the position index.
        filters: dict = {"pipeline_id": pipeline_id, "stage_id": stage_id}
        if moving:
            filters["_id"] = {"$ne": moving}
        return filters
