"""Billing periods: a price's interval added to a moment (month ends kept: Jan 31 + 1 month
is Feb 28), the share of a period left, for prorations, and what a price is worth a month."""

from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta

from shared.domain.payments.money import share_of
from shared.models.billing_price import BillingPrice, Interval

STEPS = {
    Interval.DAY: lambda count: relativedelta(days=count),
    Interval.WEEK: lambda count: relativedelta(weeks=count),
    Interval.MONTH: lambda count: relativedelta(months=count),
    Interval.YEAR: lambda count: relativedelta(years=count),
}
# An interval as (how many of it, in how many months), for the monthly recurring revenue.
PER_MONTH = {
    Interval.DAY: (365, 12),
    Interval.WEEK: (52, 12),
    Interval.MONTH: (1, 1),
    Interval.YEAR: (1, 12),
}


def period_after(start: datetime, price: BillingPrice) -> datetime:
    assert price.interval is not None, "a recurring price"
    return start + STEPS[price.interval](price.interval_count)


def seconds_left(now: datetime, start: datetime, end: datetime) -> tuple[int, int]:
    """The period's seconds still to come and its whole length, to prorate by."""
    whole = max(int((end - start).total_seconds()), 1)
    left = min(max(int((end - now).total_seconds()), 0), whole)
    return left, whole


def monthly_amount(price: BillingPrice, quantity: int) -> int:
    """What the price is worth a month (minor units, rounded once)."""
    assert price.interval is not None, "a recurring price"
    times, months = PER_MONTH[price.interval]
    return share_of(price.unit_amount * quantity, times, months * price.interval_count)


def trial_end(now: datetime, price: BillingPrice) -> datetime | None:
    return now + timedelta(days=price.trial_days) if price.trial_days else None
