"""The agency's wallet-usage report: each sub-account's usage per month (UTC), action and
currency, with per-currency totals; as JSON or as CSV (amounts in major units for people)."""

import csv
import io
from collections.abc import Iterable
from datetime import datetime

from beanie import PydanticObjectId

from internal_api.onebalance.schemas import UsageReport, UsageRow
from shared.domain.csv_jobs.exporting import inert
from shared.domain.onebalance import repository
from shared.domain.payments.money import Money, totals_by_currency
from shared.utilities.errors import InvalidInput

CSV_COLUMNS = (
    "account_id",
    "account_name",
    "month",
    "action",
    "quantity",
    "charges",
    "currency",
    "cost",
    "markup",
    "total",
)


def month_start(month: str, field: str) -> datetime:
    try:
        return datetime.strptime(month, "%Y-%m")
    except ValueError:
        raise InvalidInput(
            f"{month} is not a month.",
            details=[{"field": field, "message": "a month as YYYY-MM"}],
            location="query",
        ) from None


def next_month(start: datetime) -> datetime:
    return start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)


async def usage_report(
    agency_id: PydanticObjectId, first: str, last: str, names: dict[str, str]
) -> UsageReport:
    start, end = month_start(first, "from"), next_month(month_start(last, "to"))
    grouped = await repository.usage_by_month(agency_id, start, end)
    rows = sorted((row_of(group, names) for group in grouped), key=sort_key)
    totals = totals_by_currency(Money(row.total, row.currency) for row in rows)
    return UsageReport(rows=rows, totals=totals)


def row_of(group: dict, names: dict[str, str]) -> UsageRow:
    key = group["_id"]
    account_id = str(key["account_id"])
    return UsageRow(
        account_id=account_id,
        account_name=names.get(account_id, ""),
        month=f"{key['year']:04d}-{key['month']:02d}",
        action=key["action"],
        currency=key["currency"],
        quantity=group["quantity"],
        charges=group["charges"],
        cost=group["cost"],
        markup=group["markup"],
        total=group["cost"] + group["markup"],
    )


def sort_key(row: UsageRow) -> tuple[str, str, str, str]:
    return (row.month, row.account_name, row.action, row.currency)


def as_csv(rows: Iterable[UsageRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        money = [Money(value, row.currency).display().split(" ")[0] for value in amounts(row)]
        account = [inert(row.account_id), inert(row.account_name)]
        writer.writerow(
            [*account, row.month, row.action, row.quantity, row.charges, row.currency, *money]
        )
    return out.getvalue()


def amounts(row: UsageRow) -> tuple[int, int, int]:
    return (row.cost, row.markup, row.total)
