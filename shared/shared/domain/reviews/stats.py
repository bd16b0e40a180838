"""The reviews' figures: average, distribution, volume over time, response rate and time.
Counted over the reviews a filter matches (an account's, a location's, a period's)."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from shared.models.review import Review

PERIODS = ("day", "week", "month")


@dataclass(frozen=True)
class ReviewStats:
    count: int
    average: float | None  # to two decimals
    distribution: dict[str, int]  # "1" to "5"
    volume: list[tuple[str, int]]  # (period's first day, reviews), oldest first
    response_rate: float | None  # replied / count, to three decimals
    average_response_seconds: int | None


def period_start(moment: datetime, period: str) -> str:
    day = moment.date()
    if period == "week":
        day -= timedelta(days=day.weekday())
    elif period == "month":
        day = day.replace(day=1)
    return day.isoformat()


def response_seconds(review: Review) -> float | None:
    if review.first_replied_at is None:
        return None
    return max((review.first_replied_at - review.reviewed_at).total_seconds(), 0)


def summarise(reviews: Sequence[Review], period: str = "week") -> ReviewStats:
    count = len(reviews)
    stars = Counter(review.rating for review in reviews)
    volume = Counter(period_start(review.reviewed_at, period) for review in reviews)
    times = [seconds for review in reviews if (seconds := response_seconds(review)) is not None]
    replied = sum(1 for review in reviews if review.reply)
    return ReviewStats(
        count=count,
        average=round(sum(r.rating for r in reviews) / count, 2) if count else None,
        distribution={str(star): stars.get(star, 0) for star in range(1, 6)},
        volume=sorted(volume.items()),
        response_rate=round(replied / count, 3) if count else None,
        average_response_seconds=round(sum(times) / len(times)) if times else None,
    )
