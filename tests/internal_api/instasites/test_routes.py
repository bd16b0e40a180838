"""/v1/instasites: an InstaSite asked for with the prospect's data (given, or a connected Google
location's) is queued to be built; a ready one is claimed; another tenant's is not found."""

from datetime import timedelta

import pytest

from shared.models.base import utc_now
from shared.models.business_location import BusinessLocation
from shared.models.instasite import Instasite, InstasiteSource, InstasiteStatus
from shared.models.review import Review
from tests.factories import create_signed_in
from tests.instasite_factories import create_instasite

INSTASITES = "/v1/instasites"


@pytest.fixture
async def api(start_api):
    async with start_api() as client:
        yield client


async def ask(api, signed_in, **body):
    return await api.post(
        INSTASITES, json={"template_id": 1000774, **body}, headers=signed_in.headers
    )


async def test_an_instasite_from_given_data_is_queued_for_ninety_days(api):
    owner = await create_signed_in()
    given = {
        "name": "Dee's Doughnuts",
        "category": "Bakery",
        "photos": ["https://photos.test/1.jpg"],
    }

    response = await ask(api, owner, business=given)

    assert response.status_code == 202
    stored = await Instasite.get(response.json()["id"])
    assert (stored.status, stored.source, stored.business.name) == (
        InstasiteStatus.QUEUED,
        InstasiteSource.GIVEN,
        "Dee's Doughnuts",
    )
    lifetime = stored.expires_at.replace(tzinfo=None) - stored.created_at.replace(tzinfo=None)
    assert lifetime.days == 90


async def test_a_connected_locations_data_and_reviews_fill_what_is_not_given(api):
    owner = await create_signed_in()
    location = await BusinessLocation(
        account_id=owner.account.id,
        provider_account="accounts/1",
        provider_location="locations/2",
        title="Dee's Doughnuts",
        phone="+15555550100",
    ).insert()
    await Review(
        account_id=owner.account.id,
        provider="google-business",
        location_id=location.id,
        provider_review_id="r1",
        reviewer_name="Sam",
        rating=5,
        comment="Best in town",
        reviewed_at=utc_now() - timedelta(days=1),
    ).insert()

    response = await ask(
        api, owner, google_location_id=str(location.id), business={"phone": "+15555550199"}
    )

    business = response.json()["business"]
    assert (business["name"], business["phone"]) == ("Dee's Doughnuts", "+15555550199")
    assert business["reviews"] == [{"author": "Sam", "rating": 5, "text": "Best in town"}]
    assert response.json()["source"] == "google_business"


async def test_without_a_name_or_a_location_nothing_is_built(api):
    owner = await create_signed_in()

    response = await ask(api, owner, business={"category": "Bakery"})

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "business_name_required"
    assert await Instasite.find({"account_id": owner.account.id}).count() == 0


async def test_a_ready_instasite_is_claimed_in_the_background(api):
    owner = await create_signed_in()
    ready = await create_instasite(owner.account, status=InstasiteStatus.READY, site_name="s-1")

    response = await api.post(f"{INSTASITES}/{ready.id}/claim", headers=owner.headers)

    assert response.status_code == 202
    assert (await Instasite.get(ready.id)).status is InstasiteStatus.CLAIMING


async def test_an_instasite_still_building_cannot_be_claimed(api):
    owner = await create_signed_in()
    building = await create_instasite(owner.account, status=InstasiteStatus.BUILDING)

    response = await api.post(f"{INSTASITES}/{building.id}/claim", headers=owner.headers)

    assert response.json()["error"]["code"] == "instasite_not_ready"
    assert (await Instasite.get(building.id)).status is InstasiteStatus.BUILDING


async def test_another_tenants_instasite_is_not_found(api):
    theirs = await create_instasite(
        (await create_signed_in()).account, status=InstasiteStatus.READY
    )
    owner = await create_signed_in()

    read = await api.get(f"{INSTASITES}/{theirs.id}", headers=owner.headers)
    claim = await api.post(f"{INSTASITES}/{theirs.id}/claim", headers=owner.headers)

    assert (read.status_code, claim.status_code) == (404, 404)
    assert (await Instasite.get(theirs.id)).status is InstasiteStatus.READY
