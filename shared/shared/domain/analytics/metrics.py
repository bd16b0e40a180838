"""The one write path of the analytics store: a source's rows upserted by their key, so a
re-pull of a day (the nightly sync, a back-fill, a report pulled by hand) replaces its values
and never adds a second set."""

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from beanie import PydanticObjectId

from shared.domain.analytics.errors import BadMetricRow
from shared.domain.analytics.repository import upsert_rows

# Lower-case names the stored documents can be grouped by: `google-ads`, `cost`, `call_source`.
NAME = re.compile(r"^[a-z][a-z0-9_:-]{0,63}$")
MAX_ID_LENGTH = 300


@dataclass(frozen=True)
class DailyMetric:
    """One metric of one entity on one day, as a source's pull gives it."""

    entity_type: str
    entity_id: str
    metric: str
    day: date
    value: float
    entity_name: str = ""
    currency: str | None = None  # ISO 4217 for money metrics (value in minor units)

    @property
    def key(self) -> tuple[str, str, str, date]:
        return self.entity_type, self.entity_id, self.metric, self.day


def midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, UTC)


def checked(source: str, rows: Iterable[DailyMetric]) -> dict[tuple, DailyMetric]:
    """The rows by key, the last of a key winning; a bad row refuses the whole batch, so
    nothing is written from a pull that is wrong somewhere."""
    if not NAME.match(source):
        raise BadMetricRow(f"{source!r} is no analytics source name.")
    by_key: dict[tuple, DailyMetric] = {}
    for index, row in enumerate(rows):
        problem = row_problem(row)
        if problem:
            raise BadMetricRow(
                f"Row {index} of {source} cannot be stored: {problem}.",
                details=[{"field": f"rows.{index}", "message": problem}],
            )
        by_key[row.key] = row
    return by_key


def row_problem(row: DailyMetric) -> str | None:
    if not NAME.match(row.entity_type) or not NAME.match(row.metric):
        return "entity types and metrics are lower-case names"
    if not row.entity_id or len(row.entity_id) > MAX_ID_LENGTH:
        return f"an entity id has 1 to {MAX_ID_LENGTH} characters"
    if not math.isfinite(row.value):
        return "a value is a finite number"
    if row.currency is not None and not re.fullmatch(r"[A-Z]{3}", row.currency):
        return "a currency is an ISO 4217 code"
    return None


async def upsert_daily_metrics(
    account_id: str | PydanticObjectId, source: str, rows: Iterable[DailyMetric]
) -> int:
    """Store the rows of one source for an account; returns how many keys were written."""
    by_key = checked(source, rows)
    await upsert_rows(PydanticObjectId(account_id), source, list(by_key.values()))
    return len(by_key)
