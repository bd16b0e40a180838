"""Without Duda credentials, embedded mode makes Duda-type sites with the local site builder:
made, published, given business data and shown on a page of its own; distributed mode has no
such stand-in and answers 503."""

import httpx
import pytest
from beanie import PydanticObjectId

from external_api.integrations.duda.errors import DudaNotConfigured
from external_api.integrations.duda.local import LocalSiteBuilder
from external_api.integrations.duda.settings import DudaSettings
from external_api.integrations.platform import duda_client
from shared.models.business_profile import BusinessProfile
from shared.models.duda_site import DudaSite
from shared.utilities.settings import RunMode
from tests.external_api.conftest import external_settings, headers_for
from tests.external_api.platform_app import from_service

DISTRIBUTED = {
    "mode": RunMode.DISTRIBUTED,
    "mongo_url": "mongodb://db.test",
    "redis_url": "redis://redis.test",
    "jwt_public_key": "pem",
    "service_token_public_key": "pem",
}


async def create_site(external, account_id: str) -> httpx.Response:
    body = {"template_id": 1000774, "business_name": "Dee's <Doughnuts>"}
    return await external.post("/v1/e/duda/sites", json=body, headers=headers_for(account_id))


async def test_a_site_is_made_and_published_without_duda_credentials(external, account_id):
    made = await create_site(external, account_id)

    published = await external.post(
        f"/v1/e/duda/sites/{made.json()['id']}/publish", headers=headers_for(account_id)
    )

    assert made.status_code == 201, made.text
    assert published.status_code == 200, published.text
    stored = await DudaSite.get(PydanticObjectId(made.json()["id"]))
    assert stored.site_name.startswith("local-")
    assert stored.published_at is not None


async def test_the_editor_link_opens_the_sites_page_escaped(external, account_id):
    made = await create_site(external, account_id)

    link = await external.get(
        f"/v1/e/duda/sites/{made.json()['id']}/sso", headers=headers_for(account_id)
    )
    page = await external.get(httpx.URL(link.json()["url"]).path)

    assert link.status_code == 200, link.text
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "<h1>Dee&#x27;s &lt;Doughnuts&gt;</h1>" in page.text
    assert "draft" in page.text


async def test_pushed_business_data_shows_on_the_sites_page(external, account_id):
    made = await create_site(external, account_id)
    owner = PydanticObjectId(account_id)
    await BusinessProfile(account_id=owner, name="Dee's Bakery", phone="+15555550100").insert()

    pushed = await external.put(
        f"/v1/e/duda/accounts/{account_id}/sites/{made.json()['id']}/business",
        headers=from_service(),
    )

    assert pushed.status_code == 200, pushed.text
    site_name = (await DudaSite.get(PydanticObjectId(made.json()["id"]))).site_name
    page = await external.get(f"/v1/e/duda/local-sites/{site_name}")
    assert "Dee&#x27;s Bakery" in page.text
    assert "Phone: +15555550100" in page.text


async def test_an_unknown_local_site_answers_404(external):
    response = await external.get("/v1/e/duda/local-sites/local-missing")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_no_local_site_is_served_where_duda_is_configured(start_external):
    async with start_external(duda=DudaSettings(username="user", password="pass")) as duda:
        response = await duda.get("/v1/e/duda/local-sites/local-any")

    assert response.status_code == 404


def test_the_local_builder_is_refused_in_distributed_mode():
    with pytest.raises(DudaNotConfigured):
        LocalSiteBuilder(RunMode.DISTRIBUTED, "http://127.0.0.1:5003")


async def test_distributed_mode_without_credentials_has_no_site_builder():
    settings = external_settings(**DISTRIBUTED)

    async with httpx.AsyncClient() as client:
        assert duda_client(settings, client, None) is None
