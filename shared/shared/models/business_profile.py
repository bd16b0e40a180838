"""An account's business as its websites show it: name, address, opening hours, phone, email,
logo. One per account, the source its Duda sites' business data is kept in step with
(`shared.domain.sites.business`); until the account edits it, it is read from the account (its
name and logo) and its first Google Business location (phone, address)."""

from enum import StrEnum

from pydantic import BaseModel, Field
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument
from shared.models.business_location import LocationAddress


class Weekday(StrEnum):
    MON = "MON"
    TUE = "TUE"
    WED = "WED"
    THU = "THU"
    FRI = "FRI"
    SAT = "SAT"
    SUN = "SUN"


class OpeningHours(BaseModel):
    """Open from `opens` to `closes` (24-hour `HH:MM`, local time) on each of `days`."""

    days: list[Weekday]
    opens: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    closes: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$|^24:00$")


class BusinessProfile(TenantDocument):
    name: str
    phone: str = ""
    email: str = ""
    address: LocationAddress | None = None
    hours: list[OpeningHours] = []
    logo_url: str | None = None
    # The fingerprint of the business data last sent to the account's sites: a save that
    # changes nothing a site shows pushes nothing.
    pushed_fingerprint: str = ""

    class Settings:
        name = "business_profiles"
        use_state_management = True
        indexes = [IndexModel([("account_id", ASCENDING)], unique=True)]
