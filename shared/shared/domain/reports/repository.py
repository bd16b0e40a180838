"""Every query of client reports that more than one process makes: a report by its id alone
(a share link names it), the schedules that are due and the claim of one run, and the reviews
received in a period."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from beanie import PydanticObjectId

from shared.domain.analytics.repository import day_start
from shared.models.client_report import ClientReport
from shared.models.review import Review
from shared.utilities.repository import TenantRepository, object_id


class ClientReportRepository(TenantRepository[ClientReport]):
    noun = "Report"
    sortable = frozenset({"created_at", "updated_at", "name"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(ClientReport, account_id)


async def report_by_id(report_id: str) -> ClientReport | None:
    """Any account's report: only a verified share link or a task's own id leads here."""
    oid = object_id(report_id)
    return await ClientReport.find_one({"_id": oid}) if oid else None


async def due_reports(now: datetime, limit: int) -> list[ClientReport]:
    query = ClientReport.find({"schedule.next_run_at": {"$lte": now}})
    return await query.sort("schedule.next_run_at").limit(limit).to_list()


async def claim_run(report: ClientReport, due: datetime, next_at: datetime) -> bool:
    """Move the report's schedule on from `due` to `next_at`; only one claimer of a run wins."""
    changed = await ClientReport.get_motor_collection().update_one(
        {"_id": report.id, "schedule.next_run_at": due},
        {"$set": {"schedule.next_run_at": next_at, "schedule.last_run_at": due}},
    )
    return changed.modified_count == 1


@dataclass(frozen=True)
class ReviewCounts:
    count: int
    average: float
    by_rating: dict[int, int]


async def reviews_in(account_id: PydanticObjectId, start: date, end: date) -> ReviewCounts:
    """The reviews received over the days, on the `(account_id, reviewed_at)` index."""

    match = {
        "account_id": PydanticObjectId(account_id),
        "reviewed_at": {"$gte": day_start(start), "$lt": day_start(end + timedelta(days=1))},
    }
    pipeline = [{"$match": match}, {"$group": {"_id": "$rating", "count": {"$sum": 1}}}]
    rows = await Review.aggregate(pipeline).to_list()
    by_rating = {int(row["_id"]): int(row["count"]) for row in rows}
    count = sum(by_rating.values())
    average = sum(stars * n for stars, n in by_rating.items()) / count if count else 0.0
    return ReviewCounts(count, average, by_rating)
