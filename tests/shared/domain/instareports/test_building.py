"""Building an InstaReport: the listings of the connected sources and the business's standing
among competitors nearby read through its lookups, the prospect's website (served locally)
fetched through the outbound proxy and scored, progress told on the general socket, the
agency's products tagged with the weak areas recommended; a host the proxy refuses scores as
unreachable; a report is built once however often its task runs."""

import pytest

from shared.domain.instareports.building import Lookups, build
from shared.domain.instareports.listings import BusinessListing
from shared.domain.instareports.reviews import NO_PLACE, Standing
from shared.models.instareport import (
    AuditArea,
    Business,
    Competitor,
    InstaReport,
    InstaReportStatus,
)
from tests.factories import create_account, create_sub_account
from tests.fixtures import running
from tests.instareport_factories import (
    create_instareport,
    create_product,
    outbound_proxy,
    settings_with,
    website_app,
)
from tests.shared.domain.held import emitted, recording

PLACED = {"name": "Dee's Doughnuts", "phone": "+13035550123", "place_id": "ChIJ-dees"}
STRONG = Competitor(name="Dee's Doughnuts", rating=4.6, reviews=310)


@pytest.fixture(scope="module")
async def website():
    async with running(website_app()) as url:
        yield url


@pytest.fixture
async def agency(mongo):
    return await create_account(name="Acme Marketing")


@pytest.fixture
async def client(agency):
    return await create_sub_account(agency, name="Dee's Doughnuts")


async def test_the_website_is_fetched_through_the_proxy_and_scored(website, client):
    report = await create_instareport(client, website)

    async with outbound_proxy(["127.0.0.1"]) as proxy, recording() as sent:
        await build(str(report.id), settings_with(proxy))

    built = await InstaReport.get(report.id)
    parts = {part.area: part for part in built.parts}
    assert built.status is InstaReportStatus.READY
    # Served over plain HTTP by the test: the HTTPS check fails, everything else passes.
    assert (parts[AuditArea.WEBSITE].score, parts[AuditArea.SEO].score) == (80, 100)
    assert parts[AuditArea.SOCIAL].score == 55
    assert (parts[AuditArea.LISTINGS].checked, parts[AuditArea.REVIEWS].checked) == (False, False)
    assert (built.score, built.grade) == (78, "C")
    progress = [
        data["progress"] for event, data in emitted(sent) if event == "instareport:progress"
    ]
    assert progress == [10, 40, 70, 100]


async def test_the_agencys_products_for_the_weak_areas_are_recommended(website, agency, client):
    social = await create_product(agency, "Social media setup", ["social"])
    await create_product(agency, "Website rebuild", ["website"])
    report = await create_instareport(client, website)

    async with outbound_proxy(["127.0.0.1"]) as proxy, recording():
        await build(str(report.id), settings_with(proxy))

    built = await InstaReport.get(report.id)
    assert [(r.area, r.product_id, r.price) for r in built.recommendations] == [
        (AuditArea.SOCIAL, social.id, 49_900)
    ]


async def test_a_website_the_proxy_refuses_scores_as_unreachable(website, client):
    report = await create_instareport(client, website)

    async with outbound_proxy(["allowed.example"]) as proxy, recording():
        await build(str(report.id), settings_with(proxy))

    built = await InstaReport.get(report.id)
    website_part = next(part for part in built.parts if part.area is AuditArea.WEBSITE)
    assert (website_part.score, website_part.findings[0].passed) == (0, False)
    assert "allow-list" in website_part.note


async def test_a_report_is_built_once(website, client):
    report = await create_instareport(client, website)

    async with outbound_proxy(["127.0.0.1"]) as proxy, recording() as sent:
        await build(str(report.id), settings_with(proxy))
        again = await build(str(report.id), settings_with(proxy))

    assert again.status is InstaReportStatus.READY
    assert len([e for e in emitted(sent) if e[0] == "instareport:progress"]) == 4


async def test_the_prospects_search_visibility_is_read_for_its_domain(website, client):
    report = await create_instareport(client, "https://www.dees.example")
    asked = []

    async def visibility(account_id, domain):
        asked.append((account_id, domain))
        return {"organic_keywords": 3, "organic_traffic": 500}

    async with outbound_proxy(["127.0.0.1"]) as proxy, recording():
        await build(str(report.id), settings_with(proxy), Lookups(visibility=visibility))

    assert asked == [(client.id, "dees.example")]


async def test_listings_and_competitors_are_scored_into_the_grade_and_recommendations(
    agency, client
):
    listings_product = await create_product(agency, "Listings management", ["listings"])
    await create_product(agency, "Review booster", ["reviews"])
    report = await create_instareport(client, None, business=Business(**PLACED))
    asked = []

    async def listings(account_id, business):
        asked.append(("listings", account_id, business.name))
        return {"google-business": BusinessListing(source="google-business", name="Elsewhere")}

    async def competitors(account_id, agency_id, business):
        asked.append(("competitors", account_id, agency_id, business.place_id))
        rival = Competitor(name="Rise Bakery", rating=4.1, reviews=120)
        return Standing(category="bakery", business=STRONG, competitors=[rival])

    lookups = Lookups(listings=listings, competitors=competitors)
    async with recording():
        await build(str(report.id), settings_with("http://127.0.0.1:9"), lookups)

    built = await InstaReport.get(report.id)
    parts = {part.area: part for part in built.parts}
    assert asked == [
        ("listings", client.id, "Dee's Doughnuts"),
        ("competitors", client.id, agency.id, "ChIJ-dees"),
    ]
    assert (parts[AuditArea.LISTINGS].score, parts[AuditArea.REVIEWS].score) == (0, 100)
    assert (built.score, built.grade) == (50, "F")  # the two parts checked, no website
    assert [(r.area, r.product_id) for r in built.recommendations] == [
        (AuditArea.LISTINGS, listings_product.id)
    ]


async def test_no_place_found_leaves_the_reviews_unchecked(client):
    report = await create_instareport(client, None)

    async with recording():
        await build(str(report.id), settings_with("http://127.0.0.1:9"))

    built = await InstaReport.get(report.id)
    reviews = next(part for part in built.parts if part.area is AuditArea.REVIEWS)
    assert (reviews.checked, reviews.note) == (False, NO_PLACE)
