from datetime import date, datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BeforeValidator,
    Field,
    HttpUrl,
    StringConstraints,
    field_validator,
)

from internal_api.url_shortener.codes import SLUG_PATTERN
from shared.models.base import utc_now
from shared.models.short_link_click import DeviceClass
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel

Destination = Annotated[
    HttpUrl, Field(max_length=2000, description="an http or https URL on a public host")
]
# Typed in any case, kept in lower case.
Slug = Annotated[
    str,
    BeforeValidator(lambda value: value.lower() if isinstance(value, str) else value),
    StringConstraints(pattern=SLUG_PATTERN),
    Field(
        description="3 to 50 letters, digits, `-` and `_`, starting and ending with a letter "
        "or a digit; any case, kept in lower case",
        examples=["spring-sale"],
    ),
]
UtmValue = Annotated[str, Field(min_length=1, max_length=200)]
Title = Annotated[str, Field(max_length=200)]


class UtmWrite(WriteModel):
    """Added to the destination as `utm_source=...`, and so on, replacing any it has."""

    source: UtmValue | None = None
    medium: UtmValue | None = None
    campaign: UtmValue | None = None
    term: UtmValue | None = None
    content: UtmValue | None = None


def in_the_future(value: datetime) -> datetime:
    if value <= utc_now():
        raise ValueError("must be in the future")
    return value


Expiry = Annotated[AwareDatetime, AfterValidator(in_the_future)]


class ShortLinkCreate(WriteModel):
    destination: Destination
    slug: Slug | None = Field(None, description="the code; made up (8 characters) when omitted")
    utm: UtmWrite = UtmWrite()
    title: Title = ""
    expires_at: Expiry | None = Field(
        None, description="past it the code answers 410; null: never expires"
    )
    permanent: bool = Field(
        False,
        description="redirect with 301, which browsers keep (their visits after the first are "
        "not counted), rather than 302",
    )
    pass_code: bool = Field(
        True,
        description="redirect to the target with `short_link=<code>` added, so a platform form "
        "on the page attributes its lead to this link; off for a target that takes no extra "
        "parameter (a signed URL)",
    )


class ShortLinkUpdate(WriteModel):
    """Only the fields sent change. A new slug frees the old one at once."""

    destination: Destination | None = None
    slug: Slug | None = None
    utm: UtmWrite | None = Field(None, description="replaces the link's UTM parameters")
    title: Title | None = None
    expires_at: Expiry | None = Field(None, description="null: never expires")
    permanent: bool | None = None
    pass_code: bool | None = None

    # Runs only on fields sent: null may clear the expiry, and nothing else.
    @field_validator("destination", "slug", "utm", "title", "permanent", "pass_code")
    @classmethod
    def not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("cannot be null")
        return value


class UtmRead(ReadModel):
    source: str | None
    medium: str | None
    campaign: str | None
    term: str | None
    content: str | None


class ShortLinkRead(DocumentRead):
    code: str
    short_url: str = Field(description="the link to hand out")
    destination: str
    utm: UtmRead
    target: str = Field(description="where the short URL sends: the destination with its UTM")
    title: str
    expires_at: datetime | None
    permanent: bool
    pass_code: bool
    created_by: IdStr


class DayClicks(ReadModel):
    day: date
    clicks: int = Field(description="people's clicks")
    bots: int = Field(description="clicks by known bots, which `clicks` leaves out")


class Ranked(ReadModel):
    value: str
    clicks: int


class ShortLinkStats(ReadModel):
    first_day: date
    last_day: date
    clicks: int
    bots: int
    days: list[DayClicks] = Field(description="every day of the range, oldest first (UTC)")
    referrers: list[Ranked] = Field(description="the referring hosts people came from most")
    countries: list[Ranked] = Field(description="ISO 3166-1 alpha-2, as the edge told")
    devices: list[Ranked] = Field(description=f"one of {', '.join(DeviceClass)}")
