"""The click stream: the redirect appends one entry per click to a Redis stream, in the same
round trip as its lookup, and the queue manager's `short_link_clicks` cron drains it into
MongoDB. An entry's id (`<milliseconds>-<sequence>`) is the click's time and its name: stored
under it, a click drained twice is kept once."""

from dataclasses import dataclass
from datetime import UTC, datetime

CLICK_STREAM = "short_links:clicks"
# The consumer group of the queue manager's drain.
DRAIN_GROUP = "short_link_clicks"

# An entry's fields: the link's id, then what the visitor's request said.
LINK = "link"
REFERRER = "referrer"
COUNTRY = "country"
USER_AGENT = "ua"


def visit_fields(referrer: str, country: str, user_agent: str) -> dict[str, str]:
    """An entry's fields past the link's id."""
    return {REFERRER: referrer, COUNTRY: country, USER_AGENT: user_agent}


@dataclass(frozen=True)
class RecordedClick:
    entry_id: str
    link_id: str
    referrer: str
    country: str
    user_agent: str

    @classmethod
    def from_entry(cls, entry_id: str, fields: dict[str, str]) -> "RecordedClick":
        return cls(
            entry_id=entry_id,
            link_id=fields.get(LINK, ""),
            referrer=fields.get(REFERRER, ""),
            country=fields.get(COUNTRY, ""),
            user_agent=fields.get(USER_AGENT, ""),
        )

    @property
    def at(self) -> datetime:
        milliseconds = int(self.entry_id.partition("-")[0])
        return datetime.fromtimestamp(milliseconds / 1000, UTC)


def day_of(moment: datetime) -> str:
    """The UTC date clicks are counted by: "2024-05-31"."""
    return moment.astimezone(UTC).date().isoformat()
