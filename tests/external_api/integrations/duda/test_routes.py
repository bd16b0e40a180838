"""Duda sites through /v1/e/duda with the platform's partner credentials: made from a template
and given to the account's Duda customer account (all or nothing), published, opened with an
SSO link; every request checked as Duda documents it."""

import base64

import httpx
import pytest
from beanie import PydanticObjectId

from external_api.integrations.duda.settings import DudaSettings
from shared.models.duda_site import DudaSite
from shared.models.membership import Role
from tests.external_api.conftest import headers_for
from tests.external_api.fakes import json_answer, json_of, query_of
from tests.external_api.fakes.duda import (
    CREATE_ACCOUNT,
    CREATE_SITE,
    CUSTOMER,
    NOT_FOUND,
    PASSWORD,
    SITE_NAME,
    SSO_LINK,
    USERNAME,
    account_url,
    permissions_url,
    publish_url,
    site_url,
    sso_url,
)

BASIC = "Basic " + base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()
NO_CONTENT = httpx.Response(204)


@pytest.fixture
async def duda(start_external):
    settings = DudaSettings(username=USERNAME, password=PASSWORD, account_prefix="platform-")
    async with start_external(duda=settings) as client:
        yield client


def customer_of(account_id: str) -> str:
    return f"platform-{account_id}"


def answer_site_creation(
    fake, account_id: str, customer_exists: bool = False, grant: httpx.Response = NO_CONTENT
) -> None:
    fake.on("POST", CREATE_SITE, json_answer({"site_name": SITE_NAME}))
    customer = json_answer(CUSTOMER) if customer_exists else json_answer(NOT_FOUND, 404)
    fake.on("GET", account_url(customer_of(account_id)), customer)
    fake.on("POST", CREATE_ACCOUNT, NO_CONTENT)
    fake.on("POST", permissions_url(customer_of(account_id)), grant)


async def create_site(duda, account_id: str, **body) -> httpx.Response:
    body = {"template_id": 1000774, "business_name": "Dee's Doughnuts", **body}
    return await duda.post("/v1/e/duda/sites", json=body, headers=headers_for(account_id))


async def stored_site(account_id: str) -> DudaSite:
    return await DudaSite(
        account_id=PydanticObjectId(account_id), site_name=SITE_NAME, template_id=1000774
    ).insert()


async def test_a_site_is_made_from_the_template_with_basic_auth(duda, fake, account_id):
    answer_site_creation(fake, account_id)

    response = await create_site(duda, account_id, domain_prefix="dees-doughnuts")

    assert response.status_code == 201
    assert response.json()["site_name"] == SITE_NAME
    [request] = fake.sent("POST", CREATE_SITE)
    assert request.headers["authorization"] == BASIC
    assert json_of(request) == {
        "template_id": 1000774,
        "default_domain_prefix": "dees-doughnuts",
        "site_data": {"site_business_info": {"business_name": "Dee's Doughnuts"}},
    }


async def test_a_missing_customer_account_is_created_and_given_the_site(duda, fake, account_id):
    answer_site_creation(fake, account_id)

    await create_site(duda, account_id)

    [created] = fake.sent("POST", CREATE_ACCOUNT)
    assert json_of(created) == {"account_name": customer_of(account_id), "account_type": "CUSTOMER"}
    [granted] = fake.sent("POST", permissions_url(customer_of(account_id)))
    assert "EDIT" in json_of(granted)["permissions"]
    assert "PUBLISH" in json_of(granted)["permissions"]


async def test_an_existing_customer_account_is_not_created_again(duda, fake, account_id):
    answer_site_creation(fake, account_id, customer_exists=True)

    response = await create_site(duda, account_id)

    assert response.status_code == 201
    assert fake.sent("POST", CREATE_ACCOUNT) == []


async def test_the_new_site_is_stored_for_the_account(duda, fake, account_id):
    answer_site_creation(fake, account_id)

    await create_site(duda, account_id)

    [site] = await DudaSite.find({"account_id": PydanticObjectId(account_id)}).to_list()
    assert (site.site_name, site.template_id, site.published_at) == (SITE_NAME, 1000774, None)


async def test_a_site_duda_could_not_give_to_the_account_is_deleted_again(duda, fake, account_id):
    answer_site_creation(fake, account_id, grant=json_answer({}, 500))
    fake.on("DELETE", site_url(), NO_CONTENT)

    response = await create_site(duda, account_id)

    assert response.status_code == 502
    assert len(fake.sent("DELETE", site_url())) == 1
    assert await DudaSite.find({"account_id": PydanticObjectId(account_id)}).count() == 0


async def test_a_busy_duda_is_asked_again_after_its_retry_after(duda, fake, waits, account_id):
    answer_site_creation(fake, account_id)
    busy = json_answer({"error_code": "TooManyRequests"}, 429, {"retry-after": "3"})
    fake.answers[("POST", CREATE_SITE)].appendleft(busy)

    response = await create_site(duda, account_id)

    assert response.status_code == 201
    assert len(fake.sent("POST", CREATE_SITE)) == 2
    assert waits == [3]


async def test_a_bad_template_is_duda_s_invalid_input(duda, fake, account_id):
    refused = {"error_code": "InvalidInput", "message": "Template 1 does not exist"}
    fake.on("POST", CREATE_SITE, json_answer(refused, 400))

    response = await create_site(duda, account_id, template_id=1)

    assert response.status_code == 422
    assert "Template 1 does not exist" in response.json()["error"]["message"]


async def test_publishing_publishes_the_site_and_notes_when(duda, fake, account_id):
    site = await stored_site(account_id)
    fake.on("POST", publish_url(), NO_CONTENT)

    response = await duda.post(
        f"/v1/e/duda/sites/{site.id}/publish", headers=headers_for(account_id)
    )

    assert response.status_code == 200
    assert response.json()["published_at"] is not None
    [request] = fake.sent("POST", publish_url())
    assert request.headers["authorization"] == BASIC


async def test_another_accounts_site_answers_404_without_asking_duda(duda, fake, account_id):
    site = await stored_site(account_id)
    stranger = headers_for(str(PydanticObjectId()))

    response = await duda.post(f"/v1/e/duda/sites/{site.id}/publish", headers=stranger)

    assert response.status_code == 404
    assert fake.requests == []


async def test_the_sso_link_opens_the_editor_on_the_site(duda, fake, account_id):
    site = await stored_site(account_id)
    fake.on("GET", sso_url(customer_of(account_id)), json_answer(SSO_LINK))

    response = await duda.get(f"/v1/e/duda/sites/{site.id}/sso", headers=headers_for(account_id))

    assert response.json() == {"url": SSO_LINK["url"]}
    [request] = fake.sent("GET", sso_url(customer_of(account_id)))
    assert query_of(request) == {"site_name": SITE_NAME, "target": "EDITOR"}


async def test_the_sites_are_listed_for_the_account_only(duda, account_id):
    await stored_site(account_id)
    await DudaSite(account_id=PydanticObjectId(), site_name="other", template_id=1).insert()

    response = await duda.get("/v1/e/duda/sites", headers=headers_for(account_id, Role.MEMBER))

    assert [site["site_name"] for site in response.json()["data"]] == [SITE_NAME]
    assert response.json()["pagination"]["total"] == 1
