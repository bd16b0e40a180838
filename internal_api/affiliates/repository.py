"""Every query of the affiliates module's collections."""

from typing import Any

from beanie import PydanticObjectId

from shared.models.affiliate import Affiliate
from shared.models.affiliate_commission import AffiliateCommission
from shared.models.affiliate_payout import AffiliatePayout
from shared.models.affiliate_programme import AffiliateProgramme
from shared.models.affiliate_referral import AffiliateReferral
from shared.utilities.repository import TenantRepository


class ProgrammeRepository(TenantRepository[AffiliateProgramme]):
    noun = "Programme"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(AffiliateProgramme, account_id)


class AffiliateRepository(TenantRepository[Affiliate]):
    noun = "Affiliate"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(Affiliate, account_id, ("created_at", "name", "email"))


class CommissionRepository(TenantRepository[AffiliateCommission]):
    noun = "Commission"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(AffiliateCommission, account_id, ("created_at", "occurred_at", "amount"))

    async def totals(self, filters: dict[str, Any]) -> list[dict[str, Any]]:
        """Net commission and referrals per affiliate and currency, largest first."""
        pipeline = [
            {"$match": self.scoped(filters)},
            {
                "$group": {
                    "_id": {"affiliate": "$affiliate_id", "currency": "$currency"},
                    "earned": {"$sum": "$amount"},
                    "referrals": {"$addToSet": "$referral_id"},
                }
            },
            {"$sort": {"earned": -1}},
        ]
        return await AffiliateCommission.aggregate(pipeline).to_list()


class PayoutRepository(TenantRepository[AffiliatePayout]):
    noun = "Payout"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(AffiliatePayout, account_id)


class ReferralRepository(TenantRepository[AffiliateReferral]):
    noun = "Referral"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(AffiliateReferral, account_id)


async def programme_by_token(token: str) -> AffiliateProgramme | None:
    return await AffiliateProgramme.find_one({"token": token, "active": True})


async def affiliate_by_code(code: str) -> Affiliate | None:
    return await Affiliate.find_one({"code": code})


async def affiliates_named(
    account_id: PydanticObjectId, ids: list[PydanticObjectId]
) -> list[Affiliate]:
    return await Affiliate.find({"account_id": account_id, "_id": {"$in": ids}}).to_list()
