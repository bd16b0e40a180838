"""Google Calendar's busy times for the hosts' slots, read from the external API, which alone
holds the account's Google tokens: `POST /v1/e/google-calendar/accounts/{account_id}/free-busy`
with the internal API's service token, answering each calendar's busy intervals as Google's
freeBusy gives them.

An account that has not connected Google Calendar has no busy times to read: its slots come
from the schedules alone, without a call (its connection's record says whether it has one; only
the external API can open its tokens). One whose connection went away meanwhile (409
`not_connected`) or that Google refused (409 `reconnect_needed`) counts the same. Any other
failure (the external API or Google down, slow, answering an error) raises
`CalendarUnavailable` (503): slots are not offered, nor bookings taken, on a guess.
"""

import logging
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

import httpx
from beanie import PydanticObjectId
from fastapi import Depends, FastAPI, Request
from pydantic import BaseModel, ValidationError

from internal_api.settings import InternalApiSettings
from shared.domain.scheduling.calendars import BusyTimes
from shared.domain.scheduling.errors import CalendarUnavailable
from shared.domain.scheduling.windows import Interval
from shared.models.google_calendar_token import GoogleCalendarToken
from shared.models.integration_credential import ConnectionStatus
from shared.utilities.repository import TenantRepository
from shared.utilities.siblings import SiblingService
from shared.utilities.upstream import http_client

logger = logging.getLogger(__name__)

SERVICE_NAME = "internal_api"
AUDIENCE = "external_api"
NOT_CONNECTED = frozenset({"not_connected", "reconnect_needed"})


class BusyRange(BaseModel):
    start: datetime
    end: datetime


class CalendarBusy(BaseModel):
    busy: list[BusyRange] = []
    errors: list[dict] = []


class FreeBusyAnswer(BaseModel):
    calendars: dict[str, CalendarBusy]


class GoogleConnections(TenantRepository[GoogleCalendarToken]):
    def __init__(self, account_id: PydanticObjectId) -> None:
        super().__init__(GoogleCalendarToken, account_id)

    async def connected(self) -> bool:
        return await self.count({"status": ConnectionStatus.CONNECTED.value}) > 0


@dataclass(frozen=True)
class GoogleBusyTimes:
    external_api: SiblingService

    async def busy(
        self, account_id: PydanticObjectId, calendar_ids: Sequence[str], within: Interval
    ) -> dict[str, list[Interval]]:
        if not await GoogleConnections(account_id).connected():
            return {}
        path = f"/v1/e/google-calendar/accounts/{account_id}/free-busy"
        body = {
            "time_min": within.start.isoformat(),
            "time_max": within.end.isoformat(),
            "calendar_ids": list(calendar_ids),
        }
        try:
            response = await self.external_api.request("POST", path, json=body)
            if response.status_code == 409 and error_code(response) in NOT_CONNECTED:
                return {}
            response.raise_for_status()
            answer = FreeBusyAnswer.model_validate_json(response.content)
        except (httpx.HTTPError, ValidationError) as error:
            logger.warning("no Google busy times for account %s: %r", account_id, error)
            raise CalendarUnavailable() from error
        for calendar_id, calendar in answer.calendars.items():
            if calendar.errors:  # a calendar the connection cannot see: its hours stand alone
                logger.warning(
                    "Google could not read calendar %s: %s", calendar_id, calendar.errors
                )
        return {
            calendar_id: [Interval(busy.start, busy.end) for busy in calendar.busy]
            for calendar_id, calendar in answer.calendars.items()
        }


def error_code(response: httpx.Response) -> str:
    try:
        return str(response.json()["error"]["code"])
    except (ValueError, KeyError, TypeError):
        return ""


def google_busy_times(
    settings: InternalApiSettings, transport: httpx.AsyncBaseTransport | None = None
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """The app's lifespan part holding its client of the external API (`transport` stands in
    for the network in tests)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        timeout = settings.google_calendar_timeout_seconds
        async with http_client(timeout, timeout, transport) as client:
            app.state.busy_times = GoogleBusyTimes(
                SiblingService(
                    client,
                    settings.external_api_url,
                    app.state.authenticator,
                    SERVICE_NAME,
                    AUDIENCE,
                )
            )
            yield

    return lifespan


def get_busy_times(request: Request) -> BusyTimes:
    return request.app.state.busy_times


BusyCalendars = Annotated[BusyTimes, Depends(get_busy_times)]
