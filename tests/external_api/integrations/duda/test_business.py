"""An account's business data pushed to its Duda site's content library through
/v1/e/duda, for the queue manager only, in the shape Duda documents."""

import httpx
import pytest
from beanie import PydanticObjectId

from shared.models.base import utc_now
from shared.models.business_location import LocationAddress
from shared.models.business_profile import BusinessProfile, OpeningHours, Weekday
from shared.models.duda_site import DudaSite
from tests.external_api.fakes import json_of
from tests.external_api.fakes.duda import (
    SITE_NAME,
    content_publish_url,
    content_url,
)
from tests.external_api.platform_app import from_service

NO_CONTENT = httpx.Response(204)


@pytest.fixture
def duda(platform_api):
    return platform_api


async def site_with_profile(account_id: str, **site) -> DudaSite:
    owner = PydanticObjectId(account_id)
    await BusinessProfile(
        account_id=owner,
        name="Dee's Doughnuts",
        phone="+15555550100",
        email="hello@dees.test",
        address=LocationAddress(
            lines=["1 Main St"],
            locality="Springfield",
            region="IL",
            postal_code="62701",
            country="US",
        ),
        hours=[OpeningHours(days=[Weekday.MON, Weekday.TUE], opens="07:00", closes="15:00")],
        logo_url="https://cdn.dees.test/logo.png",
    ).insert()
    return await DudaSite(account_id=owner, site_name=SITE_NAME, template_id=1, **site).insert()


def business_path(account_id, site_id) -> str:
    return f"/v1/e/duda/accounts/{account_id}/sites/{site_id}/business"


async def test_the_business_data_is_written_to_the_content_library(duda, platform_fake, account_id):
    site = await site_with_profile(account_id)
    platform_fake.on("POST", content_url(), NO_CONTENT)

    response = await duda.put(business_path(account_id, site.id), headers=from_service())

    assert response.status_code == 200
    [sent] = platform_fake.sent("POST", content_url())
    assert json_of(sent) == {
        "location_data": {
            "label": "Dee's Doughnuts",
            "phones": [{"phoneNumber": "+15555550100", "label": "Main"}],
            "emails": [{"emailAddress": "hello@dees.test", "label": "Main"}],
            "business_hours": [{"days": ["MON", "TUE"], "open": "07:00", "close": "15:00"}],
            "address": {
                "streetAddress": "1 Main St",
                "city": "Springfield",
                "region": "IL",
                "postalCode": "62701",
                "country": "US",
            },
            "logo_url": "https://cdn.dees.test/logo.png",
        },
        "business_data": {"name": "Dee's Doughnuts", "logo_url": "https://cdn.dees.test/logo.png"},
    }
    assert platform_fake.sent("POST", content_publish_url()) == []


async def test_a_published_sites_content_is_published_too(duda, platform_fake, account_id):
    site = await site_with_profile(account_id, published_at=utc_now())
    platform_fake.on("POST", content_url(), NO_CONTENT)
    platform_fake.on("POST", content_publish_url(), NO_CONTENT)

    await duda.put(business_path(account_id, site.id), headers=from_service())

    assert len(platform_fake.sent("POST", content_publish_url())) == 1


async def test_another_accounts_site_is_not_found(duda, platform_fake, account_id):
    site = await site_with_profile(account_id)

    response = await duda.put(business_path(PydanticObjectId(), site.id), headers=from_service())

    assert response.status_code == 404
    assert platform_fake.requests == []


async def test_a_failing_duda_is_an_upstream_error_the_queue_retries(
    duda, platform_fake, account_id
):
    site = await site_with_profile(account_id)
    platform_fake.on("POST", content_url(), httpx.Response(503))

    response = await duda.put(business_path(account_id, site.id), headers=from_service())

    assert response.status_code in (502, 503)


async def test_only_the_queue_manager_may_push(duda, account_id):
    site = await site_with_profile(account_id)

    response = await duda.put(
        business_path(account_id, site.id), headers=from_service("internal_api")
    )

    assert response.status_code == 403
