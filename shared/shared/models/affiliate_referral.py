"""A sign-up attributed to an affiliate: the referred account, once, by the programme's first
or last touch inside its window. Its invoices earn the affiliate commissions until
`earns_until`."""

from datetime import datetime

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class AffiliateReferral(TenantDocument):
    affiliate_id: PydanticObjectId
    referred_account_id: PydanticObjectId
    visit_id: PydanticObjectId
    attributed_by: str  # first or last touch: the programme's rule when it was attributed
    earns_until: datetime

    class Settings:
        name = "affiliate_referrals"
        indexes = [
            IndexModel([("referred_account_id", ASCENDING)], unique=True),
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
        ]
