"""The InstaReport rubric: each check's points, parts scored out of what was possible, the
letters, the overall score over the parts that were checked, and the weak areas."""

from shared.domain.instareports.rubric import (
    overall,
    seo_part,
    social_part,
    unchecked,
    weak_areas,
    website_part,
)
from shared.domain.instareports.website import Page
from shared.models.instareport import AuditArea

GOOD = Page(
    url="https://bakery.example/",
    reached=True,
    https=True,
    status=200,
    seconds=0.8,
    bytes=120_000,
    title="Dee's Doughnuts, Denver",
    description="Fresh doughnuts baked every morning in Denver, delivered to your door.",
    viewport=True,
    h1_count=1,
    images=2,
    social={"Facebook": "https://facebook.com/dees", "Instagram": "https://instagram.com/dees"},
)


def test_a_good_website_scores_every_point():
    part = website_part(GOOD)

    assert (part.score, part.grade) == (100, "A")


def test_plain_http_and_no_viewport_lose_their_points():
    page = Page(**{**GOOD.__dict__, "https": False, "viewport": False})

    part = website_part(page)

    assert (part.score, part.grade) == (60, "D")
    assert [f.check for f in part.findings if not f.passed] == [
        "Served over HTTPS",
        "Mobile viewport",
    ]


def test_a_heavy_slow_page_loses_the_weight_and_time_points():
    page = Page(**{**GOOD.__dict__, "bytes": 3 * 1024 * 1024, "seconds": 4.2})

    assert website_part(page).score == 70


def test_seo_counts_title_description_heading_and_alt_text():
    page = Page(**{**GOOD.__dict__, "title": "Home", "h1_count": 2, "images_without_alt": 1})

    part = seo_part(page)

    assert (part.score, part.grade) == (30, "F")


def test_social_points_are_the_networks_linked():
    assert social_part(GOOD).score == 55


def test_a_website_that_did_not_answer_scores_zero_and_leaves_seo_unchecked():
    page = Page(url="https://gone.example/", reached=False, problem="not on the allow-list")

    website, seo = website_part(page), seo_part(page)

    assert (website.checked, website.score, seo.checked) == (True, 0, False)


def test_the_overall_score_is_the_mean_of_the_checked_parts():
    parts = [website_part(GOOD), social_part(GOOD), unchecked(AuditArea.REVIEWS, "not read")]

    assert overall(parts) == (78, "C")
    assert weak_areas(parts) == [AuditArea.SOCIAL]


def test_semrushs_visibility_adds_its_checks_to_seo():
    part = seo_part(GOOD, {"organic_keywords": 1520, "organic_traffic": 40})

    assert [(f.check, f.passed) for f in part.findings][-2:] == [
        ("Ranks for at least 10 organic keywords", True),
        ("At least 100 organic visits a month", False),
    ]
    assert part.score == 86  # 120 of 140
