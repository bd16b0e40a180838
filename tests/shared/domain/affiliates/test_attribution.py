"""A sign-up attributed to the programme's first or last visit of its visitor inside the
window, once, and never to a disabled affiliate."""

from datetime import timedelta

import pytest
from beanie import PydanticObjectId

from shared.domain.affiliates.attribution import attribute_signup, record_visit
from shared.models.affiliate import AffiliateStatus
from shared.models.affiliate_programme import Attribution
from shared.models.affiliate_referral import AffiliateReferral
from shared.models.affiliate_visit import AffiliateVisit
from shared.models.base import utc_now
from tests.reputation_factories import create_affiliate, create_programme

pytestmark = pytest.mark.usefixtures("mongo")


async def two_visits(attribution: Attribution):
    programme = await create_programme(PydanticObjectId(), attribution=attribution, window_days=30)
    first, last = await create_affiliate(programme), await create_affiliate(programme)
    await record_visit(first, "visitor-1")
    await AffiliateVisit(  # a second later
        account_id=programme.account_id,
        affiliate_id=last.id,
        visitor="visitor-1",
        created_at=utc_now() + timedelta(seconds=1),
    ).insert()
    return programme, first, last


async def test_last_touch_attributes_the_latest_visit():
    programme, _, last = await two_visits(Attribution.LAST_TOUCH)

    referral = await attribute_signup(programme.account_id, PydanticObjectId(), "visitor-1")

    assert referral.affiliate_id == last.id and referral.attributed_by == "last"


async def test_first_touch_attributes_the_earliest_visit_and_only_once():
    programme, first, _ = await two_visits(Attribution.FIRST_TOUCH)
    client = PydanticObjectId()

    referral = await attribute_signup(programme.account_id, client, "visitor-1")
    again = await attribute_signup(programme.account_id, client, "visitor-1")

    assert referral.affiliate_id == first.id
    assert again is None
    assert await AffiliateReferral.find_all().count() == 1


async def test_a_visit_older_than_the_window_attributes_nothing():
    programme, _, _ = await two_visits(Attribution.LAST_TOUCH)

    late = await attribute_signup(
        programme.account_id, PydanticObjectId(), "visitor-1", utc_now() + timedelta(days=31)
    )

    assert late is None


async def test_a_disabled_affiliates_visit_attributes_nothing():
    programme, first, last = await two_visits(Attribution.LAST_TOUCH)
    last.status = AffiliateStatus.DISABLED
    await last.save()

    referral = await attribute_signup(programme.account_id, PydanticObjectId(), "visitor-1")

    assert referral.affiliate_id == first.id
