"""InstaSites on Duda through /v1/e/duda, each step for the queue manager only and safe to ask
again: the site made from its template once, its content library filled with the business's
data, photos and reviews (and its preview link read), claimed into the account's sites, purged."""

import httpx
import pytest
from beanie import PydanticObjectId

from shared.models.account import Account
from shared.models.duda_site import DudaSite
from shared.models.instasite import Instasite
from tests.external_api.fakes import json_answer, json_of
from tests.external_api.fakes.duda import (
    CREATE_ACCOUNT,
    CREATE_SITE,
    NOT_FOUND,
    SITE,
    SITE_NAME,
    account_url,
    content_url,
    permissions_url,
    site_url,
)
from tests.external_api.platform_app import from_service
from tests.instasite_factories import create_instasite

NO_CONTENT = httpx.Response(204)


@pytest.fixture
def duda(platform_api):
    return platform_api


@pytest.fixture
async def account(mongo) -> Account:
    return await Account(name="Agency").insert()


def step(instasite: Instasite, name: str = "") -> str:
    path = f"/v1/e/duda/accounts/{instasite.account_id}/instasites/{instasite.id}"
    return f"{path}/{name}" if name else path


async def test_the_site_is_made_from_the_template_once(duda, platform_fake, account):
    instasite = await create_instasite(account)
    platform_fake.on("POST", CREATE_SITE, json_answer({"site_name": SITE_NAME}))

    first = await duda.post(step(instasite, "site"), headers=from_service())
    again = await duda.post(step(instasite, "site"), headers=from_service())

    assert (first.json()["site_name"], again.json()["site_name"]) == (SITE_NAME, SITE_NAME)
    [created] = platform_fake.sent("POST", CREATE_SITE)
    assert json_of(created) == {
        "template_id": 1000774,
        "site_data": {"site_business_info": {"business_name": "Dee's Doughnuts"}},
    }


async def test_the_content_library_gets_the_photos_and_reviews_and_gives_the_preview(
    duda, platform_fake, account
):
    instasite = await create_instasite(account, site_name=SITE_NAME)
    platform_fake.on("POST", content_url(), NO_CONTENT)
    platform_fake.on("GET", site_url(), json_answer(SITE))

    response = await duda.put(step(instasite, "content"), headers=from_service())

    assert response.json()["preview_url"] == SITE["preview_site_url"]
    [sent] = platform_fake.sent("POST", content_url())
    content = json_of(sent)
    assert content["site_images"] == [
        {"label": "Photo 1", "url": "https://photos.test/1.jpg", "alt": "Dee's Doughnuts"}
    ]
    assert content["site_texts"] == {
        "overview": "Bakery",
        "custom": [{"label": "Review 1", "text": "Best in town (Sam, 5/5)"}],
    }
    assert content["location_data"]["phones"] == [{"phoneNumber": "+15555550100", "label": "Main"}]
    assert (await Instasite.get(instasite.id)).preview_url == SITE["preview_site_url"]


async def test_a_claimed_instasite_becomes_one_of_the_accounts_sites(duda, platform_fake, account):
    instasite = await create_instasite(account, site_name=SITE_NAME)
    customer = f"platform-{account.id}"
    platform_fake.on("GET", account_url(customer), json_answer(NOT_FOUND, 404))
    platform_fake.on("POST", CREATE_ACCOUNT, NO_CONTENT)
    platform_fake.on("POST", permissions_url(customer), NO_CONTENT)

    response = await duda.post(step(instasite, "claim"), headers=from_service())
    again = await duda.post(step(instasite, "claim"), headers=from_service())

    [site] = await DudaSite.find({"account_id": account.id}).to_list()
    assert response.json()["site_id"] == again.json()["site_id"] == str(site.id)
    assert site.site_name == SITE_NAME
    assert len(platform_fake.sent("POST", permissions_url(customer))) == 1


async def test_a_purged_instasite_is_deleted_with_its_duda_site(duda, platform_fake, account):
    instasite = await create_instasite(account, site_name=SITE_NAME)
    platform_fake.on("DELETE", site_url(), NO_CONTENT)

    response = await duda.delete(step(instasite), headers=from_service())

    assert response.status_code == 204
    assert len(platform_fake.sent("DELETE", site_url())) == 1
    assert await Instasite.get(instasite.id) is None


async def test_another_accounts_instasite_is_not_found(duda, platform_fake, account):
    instasite = await create_instasite(account, site_name=SITE_NAME)
    path = f"/v1/e/duda/accounts/{PydanticObjectId()}/instasites/{instasite.id}"

    response = await duda.delete(path, headers=from_service())

    assert response.status_code == 404
    assert platform_fake.requests == []
    assert await Instasite.get(instasite.id) is not None
