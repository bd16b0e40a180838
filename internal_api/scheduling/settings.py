"""The settings of scheduling read by the internal API (`INTERNAL_API_` prefix), beside those
it shares with the queue manager (`shared.domain.scheduling.settings`)."""

from pydantic import Field

from shared.domain.scheduling.settings import SchedulingSettings


class SchedulingApiSettings(SchedulingSettings):
    external_api_url: str = Field(
        "http://127.0.0.1:5003",
        description="the external API, which reads the hosts' Google Calendar busy times",
    )
    google_calendar_timeout_seconds: float = Field(
        5, gt=0, description="how long reading the hosts' busy times may take before it answers 503"
    )
    booking_slot_days: int = Field(
        62, gt=0, le=366, description="the longest range of dates one request for slots may ask"
    )
