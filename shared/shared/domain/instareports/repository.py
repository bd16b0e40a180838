"""Every query of InstaReports that more than one process makes: one by its id alone (a task, a
share link), the claim of a build, and the agency's store products tagged with an area."""

from beanie import PydanticObjectId

from shared.models.instareport import InstaReport, InstaReportStatus
from shared.models.store_product import StoreProduct
from shared.utilities.repository import TenantRepository, object_id


class InstaReportRepository(TenantRepository[InstaReport]):
    noun = "InstaReport"
    sortable = frozenset({"created_at", "updated_at"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(InstaReport, account_id)


async def instareport_by_id(report_id: str) -> InstaReport | None:
    oid = object_id(report_id)
    return await InstaReport.find_one({"_id": oid}) if oid else None


async def claim_build(report_id: PydanticObjectId) -> bool:
    """Move a queued report to building; only one run of its task wins."""
    changed = await InstaReport.get_motor_collection().update_one(
        {"_id": report_id, "status": InstaReportStatus.QUEUED.value},
        {"$set": {"status": InstaReportStatus.BUILDING.value, "progress": 0}},
    )
    return changed.modified_count == 1


async def products_tagged(agency_id: PydanticObjectId, tags: list[str]) -> list[StoreProduct]:
    """The agency's active products tagged with any of `tags`, on its `(account_id, tags)`
    index, by name (those few sorted here: the index serves no sort): what the store sells
    to fix those areas."""
    found = StoreProduct.find({"account_id": agency_id, "tags": {"$in": tags}, "active": True})
    return sorted(await found.limit(50).to_list(), key=lambda product: product.name)
