"""Who referred a sign-up. A referral link's redirect records a visit under the browser's
random visitor id (its attribution cookie) and sign-up carries that id: the new account is
attributed, once, to the affiliate of the programme's first or last visit inside its window.
The programme is the one the sign-up joins: an agency's for a sub-account made with its
signup code, the platform's for a new agency."""

from datetime import datetime, timedelta

from beanie import PydanticObjectId
from dateutil.relativedelta import relativedelta
from pymongo.errors import DuplicateKeyError

from shared.models.affiliate import Affiliate, AffiliateStatus
from shared.models.affiliate_programme import AffiliateProgramme, Attribution
from shared.models.affiliate_referral import AffiliateReferral
from shared.models.affiliate_visit import AffiliateVisit
from shared.models.base import utc_now


async def record_visit(affiliate: Affiliate, visitor: str) -> AffiliateVisit:
    return await AffiliateVisit(
        account_id=affiliate.account_id, affiliate_id=affiliate.id, visitor=visitor
    ).insert()


async def attribute_signup(
    programme_account_id: PydanticObjectId | None,
    referred_account_id: PydanticObjectId,
    visitor: str | None,
    now: datetime | None = None,
) -> AffiliateReferral | None:
    """The referral of the new account, when a visit of the programme's active affiliates
    falls inside its window; nothing otherwise (nor twice)."""
    if not visitor or programme_account_id is None:
        return None
    programme = await AffiliateProgramme.find_one(
        {"account_id": programme_account_id, "active": True}
    )
    if programme is None:
        return None
    now = now or utc_now()
    visit = await touch_of(programme, visitor, now - timedelta(days=programme.window_days))
    if visit is None:
        return None
    referral = AffiliateReferral(
        account_id=programme.account_id,
        affiliate_id=visit.affiliate_id,
        referred_account_id=referred_account_id,
        visit_id=visit.id,
        attributed_by=programme.attribution.value,
        earns_until=now + relativedelta(months=programme.recurring_months),
    )
    try:
        return await referral.insert()
    except DuplicateKeyError:  # attributed already
        return None


async def touch_of(
    programme: AffiliateProgramme, visitor: str, since: datetime
) -> AffiliateVisit | None:
    """The programme's first or last visit of `visitor` since `since`, of an affiliate still
    active."""
    filters = {
        "visitor": visitor,
        "account_id": programme.account_id,
        "created_at": {"$gte": since},
    }
    order = "created_at" if programme.attribution is Attribution.FIRST_TOUCH else "-created_at"
    visits = await AffiliateVisit.find(filters).sort(order).to_list()
    for visit in visits:
        affiliate = await Affiliate.get(visit.affiliate_id)
        if affiliate is not None and affiliate.status is AffiliateStatus.ACTIVE:
            return visit
    return None
