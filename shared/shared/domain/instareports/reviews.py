"""Reviews and rating against competitors nearby: the business's Google Maps rating and review
count beside those of the places of its category within `NEARBY_METERS` (Places Nearby
Search, through misc/google_maps).

| part | check | points |
|---|---|---|
| reviews | rated at least 4.0 | 30 |
| reviews | rated at least the median competitor nearby | 35 |
| reviews | at least as many reviews as the median competitor nearby | 35 |

With no rated competitor found nearby the two comparisons are left out (the note says so);
without a Google place for the business the part is not checked.
"""

from statistics import median

from pydantic import BaseModel

from shared.domain.instareports.rubric import check, part, unchecked
from shared.models.instareport import AuditArea, AuditPart, Competitor, Finding

NEARBY_METERS = 5000
MIN_RATING = 4.0
NO_PLACE = "No Google place was given or found for the business."


class Standing(BaseModel):
    """The business and its rated competitors nearby, as Google Maps answered."""

    category: str  # the place type compared on (`bakery`); empty when Google gave none
    business: Competitor
    competitors: list[Competitor] = []


def stars(rating: float | None) -> str:
    return f"{rating:.1f}" if rating is not None else "no rating"


def comparisons(business: Competitor, rivals: list[Competitor]) -> list[Finding]:
    ratings = [rival.rating for rival in rivals if rival.rating is not None]
    typical_rating = round(median(ratings), 2)
    typical_reviews = median(rival.reviews for rival in rivals)
    return [
        check(
            "Rated at least the median competitor nearby",
            (business.rating or 0) >= typical_rating,
            35,
            f"{stars(business.rating)} against a median of {typical_rating:.1f}",
        ),
        check(
            "At least as many reviews as the median competitor nearby",
            business.reviews >= typical_reviews,
            35,
            f"{business.reviews:,} against a median of {typical_reviews:,.0f}",
        ),
    ]


def reviews_part(standing: Standing | None) -> AuditPart:
    if standing is None:
        return unchecked(AuditArea.REVIEWS, NO_PLACE)
    business = standing.business.model_copy(update={"own": True})
    rivals = [rival for rival in standing.competitors if rival.rating is not None]
    findings = [
        check(
            "Rated at least 4.0",
            (business.rating or 0) >= MIN_RATING,
            30,
            f"{stars(business.rating)} from {business.reviews:,} reviews",
        )
    ]
    category = standing.category.replace("_", " ") or "its category"
    if rivals:
        findings += comparisons(business, rivals)
        note = f"Against {len(rivals)} rated {category} places within {NEARBY_METERS // 1000} km."
    else:
        note = f"No rated {category} place found within {NEARBY_METERS // 1000} km to compare."
    ranked = sorted([business, *rivals], key=lambda place: place.rating or 0, reverse=True)
    scored = part(AuditArea.REVIEWS, findings, note)
    scored.competitors = ranked
    return scored
