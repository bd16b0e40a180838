"""Google Calendar's freeBusy query (`POST /calendar/v3/freeBusy`): the busy intervals of
calendars between two instants, as documented:

    {"timeMin": "2027-03-28T00:00:00Z", "timeMax": "...", "items": [{"id": "ada@example.com"}]}
    -> {"kind": "calendar#freeBusy", "timeMin": ..., "timeMax": ...,
        "calendars": {"ada@example.com": {"busy": [{"start": ..., "end": ...}],
                                          "errors": [{"domain": ..., "reason": ...}]}}}

A calendar the connection may not see answers `errors` (e.g. `notFound`) instead of `busy`.
"""

from collections.abc import Sequence
from datetime import UTC, datetime

from external_api.integrations.framework.tokens import ConnectedHttp

PATH = "/calendar/v3/freeBusy"


def rfc3339(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class FreeBusy:
    def __init__(self, http: ConnectedHttp) -> None:
        self.http = http

    async def query(
        self, time_min: datetime, time_max: datetime, calendar_ids: Sequence[str]
    ) -> dict:
        body = {
            "timeMin": rfc3339(time_min),
            "timeMax": rfc3339(time_max),
            "items": [{"id": calendar_id} for calendar_id in calendar_ids],
        }
        return await self.http.json("POST", PATH, json=body)
