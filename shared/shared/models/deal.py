"""A deal: a sale in progress, placed on one stage of a pipeline."""

from datetime import date, datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class DealStatus(StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"


class Deal(TenantDocument):
    title: str
    pipeline_id: PydanticObjectId
    stage_id: PydanticObjectId
    # 0, 1, 2, ... within the stage, with no gaps: the board's order.
    position: int
    contact_ids: list[PydanticObjectId] = []
    # owner_id and follower_ids decide record-level visibility (internal_api.crm.visibility).
    owner_id: PydanticObjectId | None = None
    follower_ids: list[PydanticObjectId] = []
    value: int = 0  # in the currency's minor units (cents)
    currency: str = "USD"  # ISO 4217
    expected_close_date: date | None = None
    status: DealStatus = DealStatus.OPEN
    lost_reason: str | None = None
    closed_at: datetime | None = None  # set when won or lost

    class Settings:
        name = "deals"
        use_state_management = True
        indexes = [
            # A stage's deals in board order: positions, moves, the board's columns.
            IndexModel(
                [("account_id", ASCENDING), ("stage_id", ASCENDING), ("position", ASCENDING)]
            ),
            # The board's totals: a pipeline's open deals.
            IndexModel(
                [("account_id", ASCENDING), ("pipeline_id", ASCENDING), ("status", ASCENDING)]
            ),
            IndexModel(
                [("account_id", ASCENDING), ("status", ASCENDING), ("created_at", DESCENDING)]
            ),
            IndexModel([("account_id", ASCENDING), ("contact_ids", ASCENDING)]),
            IndexModel([("account_id", ASCENDING), ("owner_id", ASCENDING)]),
            # The dashboard's summary: deals won (or lost) over a period.
            IndexModel(
                [("account_id", ASCENDING), ("status", ASCENDING), ("closed_at", ASCENDING)]
            ),
            # The list in each order it may be sorted by (DealRepository.sortable), any status.
            *(
                IndexModel([("account_id", ASCENDING), (field, order)])
                for field, order in (
                    ("created_at", DESCENDING),
                    ("updated_at", DESCENDING),
                    ("value", DESCENDING),
                    ("title", ASCENDING),
                    ("expected_close_date", ASCENDING),
                )
            ),
        ]
