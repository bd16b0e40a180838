"""Every query on the accounts' feature flags."""

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.models.base import utc_now
from shared.models.feature_flag import FeatureFlag
from shared.utilities.repository import TenantRepository


class FeatureFlagRepository(TenantRepository[FeatureFlag]):
    noun = "Feature flag"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(FeatureFlag, account_id)

    async def named(self, name: str) -> FeatureFlag | None:
        return await self.find_one({"flag": name})

    async def every(self) -> list[FeatureFlag]:
        return await FeatureFlag.find(self.scoped()).to_list()

    async def put(self, name: str, enabled: bool, set_by: PydanticObjectId) -> None:
        """Set, in one write whether the account had it or not."""
        now = utc_now()
        update = {
            "$set": {"enabled": enabled, "set_by": set_by, "updated_at": now},
            "$setOnInsert": {"created_at": now},
        }
        collection = FeatureFlag.get_motor_collection()
        try:
            await collection.update_one(self.scoped({"flag": name}), update, upsert=True)
        except DuplicateKeyError:
            # Inserted meanwhile by another operator's write: it is there to update now.
            await collection.update_one(self.scoped({"flag": name}), update)
