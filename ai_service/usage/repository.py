"""Every query of AI usage: an account's requests, and the token totals of an account or of an
agency (over all its accounts, itself included)."""

from datetime import datetime
from typing import Any, Self

from beanie import PydanticObjectId

from shared.models.ai_usage import AiUsage
from shared.utilities.repository import OwnedRepository

SUMS = {
    "$group": {
        "_id": None,
        "tokens_in": {"$sum": "$tokens_in"},
        "tokens_out": {"$sum": "$tokens_out"},
    }
}


class UsageRepository(OwnedRepository[AiUsage]):
    @classmethod
    def of_account(cls, account_id: str | PydanticObjectId) -> Self:
        return cls(AiUsage, "account_id", account_id)

    @classmethod
    def of_agency(cls, agency_id: str | PydanticObjectId) -> Self:
        return cls(AiUsage, "agency_id", agency_id)

    async def add(self, **fields: Any) -> AiUsage:
        usage = AiUsage(**self.scoped(fields))
        await usage.insert()
        return usage

    async def totals_since(self, start: datetime) -> tuple[int, int]:
        """Tokens in and out since `start`."""
        query = self.model.find(self.scoped({"created_at": {"$gte": start}}))
        sums = await query.aggregate([SUMS]).to_list()
        return (sums[0]["tokens_in"], sums[0]["tokens_out"]) if sums else (0, 0)
