"""Listings accuracy: each connected source's location compared with the business field by
field (name, address, phone, website) and its hours, by the written rubric; a field the
business lacks is not scored, a source with no matching location misses its checks, and with
no source connected the part is not checked (not scored as zero)."""

from shared.domain.instareports.listings import (
    NOT_CONNECTED,
    BusinessListing,
    best_match,
    listings_part,
)
from shared.models.instareport import AuditArea, Business

BUSINESS = Business(
    name="Dee's Doughnuts",
    website="https://deesdoughnuts.example",
    address="1600 Champa Street, Denver, CO 80202",
    phone="+1 303-555-0123",
)
HOURS = ["MON 07:00-15:00", "TUE 07:00-15:00"]


def listing(source: str = "google-business", **overrides) -> BusinessListing:
    fields = {
        "source": source,
        "name": "DEES DOUGHNUTS",
        "address": "1600 Champa St, Denver, CO 80202",
        "phone": "(303) 555-0123",
        "website": "http://www.deesdoughnuts.example/",
        "hours": HOURS,
    }
    return BusinessListing(**{**fields, **overrides})


def test_a_listing_matching_every_field_scores_every_point():
    part = listings_part(BUSINESS, {"google-business": listing()})

    assert (part.checked, part.score, part.grade) == (True, 100, "A")
    assert [finding.check for finding in part.findings] == [
        "Google Business Profile: name matches",
        "Google Business Profile: address matches",
        "Google Business Profile: phone matches",
        "Google Business Profile: website matches",
        "Google Business Profile: opening hours published",
    ]


def test_a_wrong_phone_and_no_hours_lose_their_points():
    part = listings_part(BUSINESS, {"yext": listing("yext", phone="303-555-9999", hours=[])})

    missed = {finding.check: finding.points for finding in part.findings if not finding.passed}
    assert missed == {"Yext: phone matches": 0, "Yext: opening hours published": 0}
    assert part.score == 65  # 25 + 25 + 15 of 100


def test_a_field_the_business_lacks_is_not_scored():
    business = Business(name="Dee's Doughnuts", phone="+13035550123")

    part = listings_part(business, {"google-business": listing()})

    assert [finding.max_points for finding in part.findings] == [25, 20, 15]


def test_a_source_with_no_matching_location_misses_each_check():
    part = listings_part(BUSINESS, {"google-business": listing(), "yext": None})

    yext = [finding for finding in part.findings if finding.check.startswith("Yext")]
    assert len(yext) == 5
    assert not any(finding.passed for finding in yext)
    assert part.score == 50


def test_hours_that_differ_between_the_sources_fail_on_both():
    other = listing("yext", hours=["MON 08:00-16:00"])

    part = listings_part(BUSINESS, {"google-business": listing(), "yext": other})

    hours = [finding for finding in part.findings if "hours" in finding.check]
    assert [finding.passed for finding in hours] == [False, False]
    assert "(the sources disagree)" in hours[0].detail


def test_no_source_connected_leaves_the_part_unchecked():
    part = listings_part(BUSINESS, {})

    assert (part.area, part.checked, part.note) == (AuditArea.LISTINGS, False, NOT_CONNECTED)


def test_the_listing_matching_most_fields_is_the_businesss():
    other = listing(name="Rise Bakery", phone="303-555-7777", website="https://rise.example")
    ours = listing(address="somewhere else")

    assert best_match(BUSINESS, [other, ours]) is ours


def test_no_listing_matching_any_field_is_no_match():
    other = listing(name="Rise Bakery", address="", phone="", website="https://rise.example")

    assert best_match(BUSINESS, [other]) is None
