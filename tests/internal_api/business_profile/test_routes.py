"""/v1/business-profile: what the account's websites show, read back as changed."""

import pytest

from shared.models.business_profile import BusinessProfile
from tests.factories import create_signed_in

PROFILE = "/v1/business-profile"
HOURS = [{"days": ["MON", "FRI"], "opens": "09:00", "closes": "17:00"}]


@pytest.fixture
async def api(start_api):
    async with start_api() as client:
        yield client


async def test_a_changed_profile_is_read_back(api):
    owner = await create_signed_in()
    body = {
        "name": "Dee's Doughnuts",
        "phone": "+1 555 555 0100",
        "address": {"lines": ["1 Main St"], "locality": "Springfield", "country": "US"},
        "hours": HOURS,
    }

    changed = await api.patch(PROFILE, json=body, headers=owner.headers)
    read = await api.get(PROFILE, headers=owner.headers)

    assert changed.status_code == 200
    assert read.json()["name"] == "Dee's Doughnuts"
    assert read.json()["hours"] == HOURS
    assert read.json()["address"]["locality"] == "Springfield"


async def test_hours_that_are_no_time_are_refused_and_nothing_is_stored(api):
    owner = await create_signed_in()
    hours = [{"days": ["MON"], "opens": "9am", "closes": "17:00"}]

    response = await api.patch(PROFILE, json={"hours": hours}, headers=owner.headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"].startswith("body.hours.0")
    assert await BusinessProfile.find_one({"account_id": owner.account.id}) is None


async def test_a_member_cannot_change_the_profile(api):
    member = await create_signed_in(role="member")

    response = await api.patch(PROFILE, json={"name": "Mine"}, headers=member.headers)

    assert response.status_code == 403
