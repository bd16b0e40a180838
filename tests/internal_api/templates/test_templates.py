"""The templates library: the platform's templates for everyone, an agency's for it and its
sub-accounts only, searched by kind, category and words; funnels and sites made from them."""

from shared.models.funnel import Funnel
from shared.models.funnel_page import FunnelPage
from shared.models.template import Template
from tests.factories import create_signed_in, create_sub_account
from tests.internal_api.templates.conftest import TEMPLATES

AGENCY_PAGE = {
    "kind": "page",
    "name": "Dental check-up offer",
    "category": "dental",
    "tags": ["dentist"],
    "blocks": [{"type": "html", "html": "<p>Smile<img src=x onerror=alert(1)></p>"}],
}


async def search(api, signed_in, **query) -> list[str]:
    response = await api.get(TEMPLATES, params=query, headers=signed_in.headers)
    assert response.status_code == 200, response.text
    return [template["name"] for template in response.json()["data"]]


async def added(api, signed_in, body=AGENCY_PAGE) -> dict:
    response = await api.post(TEMPLATES, json=body, headers=signed_in.headers)
    assert response.status_code == 201, response.text
    return response.json()


async def test_the_platforms_templates_are_offered_by_kind(api, agency_owner):
    funnels = await search(api, agency_owner, kind="funnel")
    sites = await search(api, agency_owner, kind="site")

    assert funnels == ["Lead magnet funnel", "Webinar registration"]
    assert sites == ["Local business"]


async def test_templates_are_found_by_words_in_their_name_description_or_tags(api, agency_owner):
    assert await search(api, agency_owner, q="REPLAY") == ["Webinar registration"]
    assert await search(api, agency_owner, q="checklist") == ["Lead magnet funnel"]
    assert await search(api, agency_owner, q="a.*") == []  # words, not a pattern


async def test_categories_are_listed_by_kind(api, agency_owner):
    response = await api.get(f"{TEMPLATES}/categories", headers=agency_owner.headers)
    funnels = await api.get(
        f"{TEMPLATES}/categories", params={"kind": "funnel"}, headers=agency_owner.headers
    )

    assert response.json()["categories"] == [
        "lead-generation",
        "local-business",
        "newsletter",
        "sales",
        "webinar",
    ]
    assert funnels.json()["categories"] == ["lead-generation", "webinar"]


async def test_an_agencys_template_is_offered_to_its_sub_accounts_not_to_others(api, agency_owner):
    client = await create_signed_in(await create_sub_account(agency_owner.account))
    other_agency = await create_signed_in()
    template = await added(api, agency_owner)

    assert await search(api, client, category="dental") == ["Dental check-up offer"]
    assert await search(api, other_agency, category="dental") == []
    other = await api.get(f"{TEMPLATES}/{template['id']}", headers=other_agency.headers)
    assert other.json()["error"]["code"] == "template_not_found"


async def test_an_added_templates_html_is_sanitised(api, agency_owner):
    template = await added(api, agency_owner)

    assert template["blocks"][0]["html"] == '<p>Smile<img src="x"></p>'


async def test_a_sub_account_cannot_change_its_agencys_template(api, agency_owner):
    client = await create_signed_in(await create_sub_account(agency_owner.account))
    template = await added(api, agency_owner)

    response = await api.patch(
        f"{TEMPLATES}/{template['id']}", json={"name": "Mine"}, headers=client.headers
    )

    assert response.status_code == 404
    assert (await Template.get(template["id"])).name == "Dental check-up offer"


async def test_a_funnel_template_makes_a_funnel_of_its_steps_and_drafts(api, agency_owner):
    [template] = await Template.find({"key": "lead-magnet-funnel"}).to_list()

    response = await api.post(
        f"{TEMPLATES}/{template.id}/use", json={"name": "Acme guide"}, headers=agency_owner.headers
    )

    assert response.status_code == 201, response.text
    funnel = await Funnel.get(response.json()["id"])
    first = await FunnelPage.get(funnel.steps[0].page_id)
    assert (funnel.account_id, funnel.name, funnel.template_id) == (
        agency_owner.account.id,
        "Acme guide",
        template.id,
    )
    assert [step.slug for step in funnel.steps] == ["free-guide", "your-details", "thank-you"]
    assert first.title == "Get the free guide"
    assert first.blocks[0].children[0].text.startswith("The 10-step checklist")
    assert first.published_version_id is None


async def test_a_page_template_is_added_to_a_funnel_as_a_step(api, agency_owner):
    [site] = await Template.find({"key": "local-business-site"}).to_list()
    [sales] = await Template.find({"key": "sales-page"}).to_list()
    made = await api.post(f"{TEMPLATES}/{site.id}/use", json={}, headers=agency_owner.headers)

    response = await api.post(
        f"{TEMPLATES}/{sales.id}/use",
        json={"funnel_id": made.json()["id"], "name": "Offer"},
        headers=agency_owner.headers,
    )

    assert [step["slug"] for step in response.json()["steps"]] == [
        "home",
        "services",
        "contact",
        "offer",
    ]
    assert response.json()["kind"] == "site"


async def test_an_email_template_makes_no_funnel(api, agency_owner):
    [email] = await Template.find({"key": "welcome-email"}).to_list()

    response = await api.post(f"{TEMPLATES}/{email.id}/use", json={}, headers=agency_owner.headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "template_not_usable"
    assert await Funnel.find_all().count() == 0
