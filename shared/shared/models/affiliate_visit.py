"""One visit through an affiliate's referral link: the touch a later sign-up is attributed
by. `visitor` is the random id the referral redirect gives the browser (its attribution
cookie, carried into sign-up)."""

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class AffiliateVisit(TenantDocument):
    affiliate_id: PydanticObjectId
    visitor: str

    class Settings:
        name = "affiliate_visits"
        indexes = [IndexModel([("visitor", ASCENDING), ("created_at", ASCENDING)])]
