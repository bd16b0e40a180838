"""Every query of the partner programmes' collections outside a module's own."""

from beanie import PydanticObjectId

from shared.models.affiliate import Affiliate
from shared.models.affiliate_commission import AffiliateCommission
from shared.models.affiliate_payout import AffiliatePayout, PayoutStatus
from shared.models.affiliate_programme import AffiliateProgramme
from shared.models.affiliate_referral import AffiliateReferral
from shared.models.affiliate_visit import AffiliateVisit


async def programme_of(account_id: PydanticObjectId) -> AffiliateProgramme | None:
    return await AffiliateProgramme.find_one({"account_id": account_id})


async def active_programmes() -> list[AffiliateProgramme]:
    return await AffiliateProgramme.find({"active": True}).to_list()


async def affiliate(affiliate_id: PydanticObjectId) -> Affiliate | None:
    return await Affiliate.get(affiliate_id)


async def visits_of(
    account_id: PydanticObjectId, visitor: str, since, newest_first: bool
) -> list[AffiliateVisit]:
    filters = {"visitor": visitor, "account_id": account_id, "created_at": {"$gte": since}}
    order = "-created_at" if newest_first else "created_at"
    return await AffiliateVisit.find(filters).sort(order).to_list()


async def referral_of(referred_account_id: PydanticObjectId) -> AffiliateReferral | None:
    return await AffiliateReferral.find_one({"referred_account_id": referred_account_id})


async def invoice_entries(
    referred_account_id: PydanticObjectId, invoice_id: str
) -> list[AffiliateCommission]:
    filters = {"referred_account_id": referred_account_id, "invoice_id": invoice_id}
    return await AffiliateCommission.find(filters).sort("created_at").to_list()


async def entry_of_event(account_id: PydanticObjectId, event_id: str) -> AffiliateCommission | None:
    return await AffiliateCommission.find_one({"account_id": account_id, "event_id": event_id})


async def free_entries_of(account_id: PydanticObjectId) -> list[AffiliateCommission]:
    return await AffiliateCommission.find({"account_id": account_id, "payout_id": None}).to_list()


async def take_entries(ids: list[PydanticObjectId], payout_id: PydanticObjectId) -> int:
    """How many of the entries were still free and are now the payout's."""
    taken = await AffiliateCommission.get_motor_collection().update_many(
        {"_id": {"$in": ids}, "payout_id": None}, {"$set": {"payout_id": payout_id}}
    )
    return taken.modified_count


async def free_payout_entries(account_id: PydanticObjectId, payout_id: PydanticObjectId) -> None:
    await AffiliateCommission.get_motor_collection().update_many(
        {"account_id": account_id, "payout_id": payout_id}, {"$set": {"payout_id": None}}
    )


async def payouts_to_send(limit: int) -> list[AffiliatePayout]:
    filters = {"method": "tipalti", "status": PayoutStatus.PENDING.value}
    return await AffiliatePayout.find(filters).limit(limit).to_list()


async def payouts_submitted(limit: int) -> list[AffiliatePayout]:
    filters = {"method": "tipalti", "status": PayoutStatus.SUBMITTED.value}
    return await AffiliatePayout.find(filters).limit(limit).to_list()
