"""An InstaReport's page, the same HTML the preview shows and the PDF prints: the listings
findings of each connected source, and the business among its competitors nearby (marked, with
their ratings and review counts)."""

from shared.domain.instareports.listings import BusinessListing, listings_part
from shared.domain.instareports.rendering import instareport_html
from shared.domain.instareports.reviews import Standing, reviews_part
from shared.models.account import Account, Branding
from shared.models.instareport import Business, Competitor, InstaReport

BUSINESS = Business(name="Dee's Doughnuts", phone="+13035550123", place_id="ChIJ-dees")
STANDING = Standing(
    category="bakery",
    business=Competitor(name="Dee's Doughnuts", rating=4.2, reviews=87),
    competitors=[Competitor(name="Rise Bakery", rating=4.7, reviews=310)],
)
LISTED = BusinessListing(source="yext", name="Dee's Doughnuts", phone="303 555 0123")


def report_of(parts) -> InstaReport:
    return InstaReport.model_construct(business=BUSINESS, parts=parts, score=61, grade="D")


AGENCY = Account.model_construct(name="Acme Marketing", branding=Branding())


def test_the_page_shows_each_sources_listings_findings():
    report = report_of([listings_part(BUSINESS, {"yext": LISTED})])

    html = instareport_html(report, AGENCY)

    assert "<td>Yext: name matches</td>" in html
    assert "<td>Yext: opening hours published</td>" in html
    assert "Read from Yext." in html


def test_the_page_shows_the_business_among_its_competitors():
    report = report_of([reviews_part(STANDING)])

    html = instareport_html(report, AGENCY)

    assert '<tr class="own"><td>Dee&#39;s Doughnuts</td><td>4.2</td><td>87</td></tr>' in html
    assert "<tr><td>Rise Bakery</td><td>4.7</td><td>310</td></tr>" in html
    assert "Against 1 rated bakery places within 5 km." in html
