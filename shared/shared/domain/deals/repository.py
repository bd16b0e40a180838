"""Every query on deals: an account's deals, or only those a user sees when given their
`visibility` condition (a member limited to their own records: a hidden deal answers 404 like a
missing one). Board positions count every deal of a stage, whoever sees it: `whole_account()`.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from beanie.odm.queries.update import UpdateResponse

from shared.models.contact import Contact
from shared.models.deal import Deal, DealStatus
from shared.utilities.repository import TenantRepository


@dataclass(frozen=True)
class StageTotal:
    """The open deals of one stage in one currency: how many, and their summed value."""

    stage_id: PydanticObjectId
    currency: str
    count: int
    value: int  # minor units


class DealRepository(TenantRepository[Deal]):
    noun = "Deal"
    sortable = frozenset(
        {"created_at", "updated_at", "position", "value", "title", "expected_close_date"}
    )

    def __init__(
        self, account_id: str | PydanticObjectId, visibility: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(Deal, account_id, visibility=visibility)

    def whole_account(self) -> "DealRepository":
        return DealRepository(self.account_id)

    async def count_on_stage(
        self, stage_id: PydanticObjectId, other_than: PydanticObjectId | None = None
    ) -> int:
        return await self.count(on_stage(stage_id, other_than))

    async def shift(
        self,
        stage_id: PydanticObjectId,
        first: int,
        by: int,
        other_than: PydanticObjectId | None = None,
    ) -> None:
        """Adds `by` to the position of every deal of the stage at `first` or after."""
        filters = {**on_stage(stage_id, other_than), "position": {"$gte": first}}
        await Deal.find(self.scoped(filters)).update({"$inc": {"position": by}})

    async def live_contacts_among(
        self, contact_ids: list[PydanticObjectId]
    ) -> set[PydanticObjectId]:
        """Which of these contacts are the account's, and not deleted."""
        live = {"account_id": self.account_id, "_id": {"$in": contact_ids}, "deleted_at": None}
        found = await Contact.find(live).to_list()
        return {contact.id for contact in found if contact.id}

    async def on_stage(self, stage_id: PydanticObjectId) -> list[Deal]:
        """Every deal of the stage, in board order."""
        return await Deal.find(self.scoped({"stage_id": stage_id})).sort("+position").to_list()

    async def open_on_stage(self, stage_id: PydanticObjectId, limit: int) -> list[Deal]:
        """The first open deals of the stage, in board order."""
        return await self.list(
            {"stage_id": stage_id, "status": DealStatus.OPEN.value}, limit=limit, sort="position"
        )

    async def close_open(self, deal: Deal, status: DealStatus, closed_at: datetime) -> Deal | None:
        """The deal closed with `status` if it is still open, as stored now; None otherwise."""
        changes = {"status": status.value, "closed_at": closed_at, "updated_at": closed_at}
        return await Deal.find_one(
            self.scoped({"_id": deal.id, "status": DealStatus.OPEN.value})
        ).update({"$set": changes}, response_type=UpdateResponse.NEW_DOCUMENT)

    async def count_on_stages(self, stage_ids: list[PydanticObjectId]) -> int:
        return await self.count({"stage_id": {"$in": stage_ids}})

    async def open_totals(self, pipeline_id: PydanticObjectId) -> list[StageTotal]:
        """Per stage and currency, the open deals of the pipeline: one aggregation."""
        open_deals = {"pipeline_id": pipeline_id, "status": DealStatus.OPEN.value}
        rows = await Deal.aggregate(
            [
                {"$match": self.scoped(open_deals)},
                {
                    "$group": {
                        "_id": {"stage_id": "$stage_id", "currency": "$currency"},
                        "count": {"$sum": 1},
                        "value": {"$sum": "$value"},
                    }
                },
            ]
        ).to_list()
        return [
            StageTotal(row["_id"]["stage_id"], row["_id"]["currency"], row["count"], row["value"])
            for row in rows
        ]


def on_stage(stage_id: PydanticObjectId, other_than: PydanticObjectId | None) -> dict[str, Any]:
    """The deals of a stage but `other_than` (a deal being moved)."""
    filters: dict[str, Any] = {"stage_id": stage_id}
    if other_than:
        filters["_id"] = {"$ne": other_than}
    return filters
