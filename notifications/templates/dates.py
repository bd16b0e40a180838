"""Dates in templates, printed in the account's time zone: `{{ due_at|datetime }}`,
`{{ due_on|date }}`, or a format of one's own: `{{ due_at|datetime("%A %H:%M") }}`.

Senders pass dates as ISO 8601 strings (`2026-12-01T15:00:00Z`; one without an offset is UTC).
The renderer puts the account's time zone in the context under `TIME_ZONE_KEY`, a name no
sender's variable can take. A format may use the directives below only (strftime's widths would
let a template print as much as it liked).
"""

import re
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import pass_context
from jinja2.runtime import Context

TIME_ZONE_KEY = "locale:time_zone"
DATE_FORMAT = "%-d %B %Y"  # 1 December 2026
DATETIME_FORMAT = "%-d %B %Y, %H:%M %Z"  # 1 December 2026, 16:00 CET
ALLOWED_FORMAT = re.compile(r"(?:[^%]|%[aAbBdHIjmMpSyYZz%]|%-[dHIjmMS]){0,100}")


class NotADate(ValueError):
    pass


def moment_of(value: Any, time_zone: str) -> datetime | date:
    """The value as a date, or as a date-time in the time zone."""
    if not isinstance(value, str):
        raise NotADate(f"{value!r} is not an ISO 8601 date")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise NotADate(f"{value!r} is not an ISO 8601 date") from None
    if len(value) <= len("2026-12-01"):
        return moment.date()
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(ZoneInfo(time_zone))


def checked_format(format: str) -> str:
    if not ALLOWED_FORMAT.fullmatch(format):
        raise ValueError(f"{format!r} is not a date format templates may use")
    return format


@pass_context
def format_date(context: Context, value: Any, format: str = DATE_FORMAT) -> str:
    return moment_of(value, context[TIME_ZONE_KEY]).strftime(checked_format(format))


@pass_context
def format_datetime(context: Context, value: Any, format: str = DATETIME_FORMAT) -> str:
    moment = moment_of(value, context[TIME_ZONE_KEY])
    if not isinstance(moment, datetime):
        raise NotADate(f"{value!r} is a date without a time")
    return moment.strftime(checked_format(format))
