"""The written rubric each part of an InstaReport is scored by: every check is worth its
points, a part scores the points it earned out of those possible (0-100), and the grades are
the usual letters. The overall score is the mean of the parts that could be checked.

| part | check | points |
|---|---|---|
| website | answers (2xx) | 30 |
| website | served over HTTPS | 20 |
| website | mobile viewport (`width=device-width`) | 20 |
| website | page weight at most 2 MiB | 15 |
| website | loads within 3 seconds | 15 |
| seo | a title of 10 to 60 characters | 30 |
| seo | a meta description of 50 to 160 characters | 30 |
| seo | exactly one `<h1>` | 20 |
| seo | every image has alt text | 20 |
| seo | ranks for at least 10 organic keywords (Semrush, when the account has it) | 20 |
| seo | at least 100 organic visits a month (Semrush, when the account has it) | 20 |
| social | links to Facebook 30, Instagram 25, LinkedIn 15, YouTube 10, X 10, TikTok 10 | 100 |

The listings part's rubric is in `listings.py`, the reviews part's in `reviews.py`.
"""

from shared.domain.instareports.website import Page
from shared.models.instareport import AuditArea, AuditPart, Finding

MAX_PAGE_BYTES = 2 * 1024 * 1024
MIN_KEYWORDS = 10
MIN_VISITS = 100
MAX_LOAD_SECONDS = 3.0
SOCIAL_POINTS = {
    "Facebook": 30,
    "Instagram": 25,
    "LinkedIn": 15,
    "YouTube": 10,
    "X (Twitter)": 10,
    "TikTok": 10,
}
GRADES = ((90, "A"), (80, "B"), (70, "C"), (60, "D"))
# A part scoring below this gets the products tagged with its area recommended.
RECOMMEND_BELOW = 70


def grade(score: int) -> str:
    return next((letter for least, letter in GRADES if score >= least), "F")


def check(name: str, passed: bool, points: int, detail: str = "") -> Finding:
    return Finding(
        check=name, passed=passed, points=points if passed else 0, max_points=points, detail=detail
    )


def part(area: AuditArea, findings: list[Finding], note: str = "") -> AuditPart:
    possible = sum(finding.max_points for finding in findings)
    score = round(100 * sum(finding.points for finding in findings) / possible) if possible else 0
    return AuditPart(
        area=area, checked=True, score=score, grade=grade(score), findings=findings, note=note
    )


def unchecked(area: AuditArea, note: str) -> AuditPart:
    return AuditPart(area=area, checked=False, note=note)


def website_part(page: Page) -> AuditPart:
    if not page.reached:
        return part(AuditArea.WEBSITE, [check("Answers", False, 30, page.problem)], page.problem)
    answered = 200 <= page.status < 300
    return part(
        AuditArea.WEBSITE,
        [
            check("Answers", answered, 30, f"HTTP {page.status}"),
            check("Served over HTTPS", page.https, 20, page.url),
            check("Mobile viewport", page.viewport, 20),
            check(
                "Page weight at most 2 MiB",
                page.bytes <= MAX_PAGE_BYTES,
                15,
                f"{page.bytes:,} bytes",
            ),
            check(
                "Loads within 3 seconds",
                page.seconds <= MAX_LOAD_SECONDS,
                15,
                f"{page.seconds:.2f} s",
            ),
        ],
        page.url,
    )


def visibility_checks(visibility: dict[str, float]) -> list[Finding]:
    keywords = int(visibility.get("organic_keywords", 0))
    visits = int(visibility.get("organic_traffic", 0))
    return [
        check(
            "Ranks for at least 10 organic keywords",
            keywords >= MIN_KEYWORDS,
            20,
            f"{keywords:,} keywords (Semrush)",
        ),
        check(
            "At least 100 organic visits a month",
            visits >= MIN_VISITS,
            20,
            f"{visits:,} visits (Semrush)",
        ),
    ]


def seo_part(page: Page, visibility: dict[str, float] | None = None) -> AuditPart:
    """On-page checks, and the domain's search visibility when Semrush could be read."""
    if not page.reached:
        return unchecked(AuditArea.SEO, "The website did not answer.")
    findings = [
        check("Title of 10 to 60 characters", 10 <= len(page.title) <= 60, 30, page.title[:120]),
        check(
            "Meta description of 50 to 160 characters",
            50 <= len(page.description) <= 160,
            30,
            page.description[:200],
        ),
        check("Exactly one main heading", page.h1_count == 1, 20, f"{page.h1_count} <h1>"),
        check(
            "Every image has alt text",
            page.images_without_alt == 0,
            20,
            f"{page.images_without_alt} of {page.images} without",
        ),
    ]
    if visibility is None:
        return part(AuditArea.SEO, findings, "Search visibility not read: no Semrush connected.")
    return part(AuditArea.SEO, findings + visibility_checks(visibility))


def social_part(page: Page) -> AuditPart:
    if not page.reached:
        return unchecked(AuditArea.SOCIAL, "The website did not answer.")
    findings = [
        check(f"Links to {network}", network in page.social, points, page.social.get(network, ""))
        for network, points in SOCIAL_POINTS.items()
    ]
    return part(AuditArea.SOCIAL, findings)


def overall(parts: list[AuditPart]) -> tuple[int, str]:
    checked = [each.score for each in parts if each.checked]
    score = round(sum(checked) / len(checked)) if checked else 0
    return score, grade(score)


def weak_areas(parts: list[AuditPart]) -> list[AuditArea]:
    return [each.area for each in parts if each.checked and each.score < RECOMMEND_BELOW]
