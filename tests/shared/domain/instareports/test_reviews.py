"""Reviews against competitors nearby, by the written rubric: a rating of 4.0, and rating and
review count at least the median competitor's; with no rated competitor only the rating
counts, and without a place the part is not checked."""

from shared.domain.instareports.reviews import NO_PLACE, Standing, reviews_part
from shared.models.instareport import AuditArea, Competitor


def standing(rating: float | None, reviews: int, *rivals: tuple[float | None, int]) -> Standing:
    return Standing(
        category="bakery",
        business=Competitor(name="Dee's Doughnuts", rating=rating, reviews=reviews),
        competitors=[
            Competitor(name=f"Rival {number}", rating=stars, reviews=count)
            for number, (stars, count) in enumerate(rivals)
        ],
    )


def test_a_business_above_its_competitors_scores_every_point():
    part = reviews_part(standing(4.8, 400, (4.1, 120), (4.5, 300), (3.9, 80)))

    assert (part.checked, part.score, part.grade) == (True, 100, "A")
    assert part.findings[1].detail == "4.8 against a median of 4.1"


def test_fewer_reviews_than_the_median_competitor_lose_their_points():
    part = reviews_part(standing(4.6, 50, (4.1, 120), (4.5, 300)))

    assert [finding.passed for finding in part.findings] == [True, True, False]
    assert part.score == 65
    assert part.findings[2].detail == "50 against a median of 210"


def test_competitors_are_shown_by_rating_with_the_business_marked():
    part = reviews_part(standing(4.2, 87, (4.7, 310), (None, 0), (3.9, 12)))

    assert [(place.name, place.own) for place in part.competitors] == [
        ("Rival 0", False),
        ("Dee's Doughnuts", True),
        ("Rival 2", False),
    ]


def test_with_no_rated_competitor_only_the_rating_counts():
    part = reviews_part(standing(3.5, 10, (None, 0)))

    assert [finding.max_points for finding in part.findings] == [30]
    assert (part.score, part.note) == (0, "No rated bakery place found within 5 km to compare.")


def test_without_a_place_the_part_is_not_checked():
    part = reviews_part(None)

    assert (part.area, part.checked, part.note) == (AuditArea.REVIEWS, False, NO_PLACE)
