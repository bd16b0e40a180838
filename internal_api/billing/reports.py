"""The agency's billing by month, per currency (never summed across): its monthly recurring
revenue at the month's end, plans started and churned (cancelled) in the month, the churn
rate (churned of the plans running at its start, in basis points) and its failed payments.
A plan counts from its start, trials excluded, until it is cancelled, at its current price's
monthly amount; a paused plan counts for nothing from its pause. CSV: amounts in major units."""

import csv
import io
from datetime import UTC, datetime

from dateutil.relativedelta import relativedelta

from internal_api.billing.catalogue import agency_of
from internal_api.billing.errors import BadReportRange
from internal_api.billing.repository import PlanRepository
from internal_api.billing.schemas import MonthRow
from shared.domain.billing import repository as billing
from shared.domain.payments.money import Money
from shared.models.billing_payment_attempt import BillingPaymentAttempt
from shared.models.billing_plan import BillingPlan, PlanStatus
from shared.utilities.auth import Principal

MAX_MONTHS = 36
CSV_COLUMNS = list(MonthRow.model_fields)


def months_between(first: str, last: str) -> list[datetime]:
    try:
        start = datetime.strptime(first, "%Y-%m").replace(tzinfo=UTC)
        end = datetime.strptime(last, "%Y-%m").replace(tzinfo=UTC)
    except ValueError:
        raise BadReportRange(location="query") from None
    count = (end.year - start.year) * 12 + end.month - start.month + 1
    if not 1 <= count <= MAX_MONTHS:
        raise BadReportRange(location="query")
    return [start + relativedelta(months=offset) for offset in range(count)]


def running_at(plan: BillingPlan, moment: datetime) -> bool:
    if plan.created_at > moment or (plan.trial_end and plan.trial_end > moment):
        return False
    if plan.canceled_at and plan.canceled_at <= moment:
        return False
    return not (plan.status is PlanStatus.PAUSED and plan.paused_at and plan.paused_at <= moment)


def month_row(
    month: datetime, currency: str, plans: list[BillingPlan], failed: list[BillingPaymentAttempt]
) -> MonthRow:
    end = month + relativedelta(months=1)
    plans = [plan for plan in plans if plan.currency == currency]
    at_start = [plan for plan in plans if running_at(plan, month)]
    at_end = [plan for plan in plans if running_at(plan, end)]
    churned = [plan for plan in plans if plan.canceled_at and month <= plan.canceled_at < end]
    failed = [attempt for attempt in failed if attempt.currency == currency]
    return MonthRow(
        month=f"{month:%Y-%m}",
        currency=currency,
        mrr=sum(plan.monthly_amount for plan in at_end),
        active_plans=len(at_end),
        new_plans=sum(1 for plan in plans if month <= plan.created_at < end),
        churned_plans=len(churned),
        churn_rate_basis_points=len(churned) * 10_000 // len(at_start) if at_start else 0,
        failed_payments=len(failed),
        failed_amount=sum(attempt.amount for attempt in failed),
    )


async def monthly(principal: Principal, first: str, last: str, currency: str) -> list[MonthRow]:
    """`currency` is the row shown for an agency with no plan in any currency yet."""
    months = months_between(first, last)
    agency_id = agency_of(principal)
    plans = await PlanRepository(agency_id).every()
    rows = []
    for month in months:
        failed = await billing.failed_attempts_between(
            agency_id, month, month + relativedelta(months=1)
        )
        currencies = sorted({plan.currency for plan in plans} | {a.currency for a in failed})
        rows += [month_row(month, code, plans, failed) for code in currencies or [currency]]
    return rows


def as_csv(rows: list[MonthRow]) -> str:
    """Only months, currency codes and numbers: nothing a spreadsheet would run."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in rows:
        values = row.model_dump()
        for amount in ("mrr", "failed_amount"):
            values[amount] = Money(values[amount], row.currency).major()
        writer.writerow(values)
    return out.getvalue()
