"""A Google Business Profile location of an account, as last read from Google."""

from datetime import datetime

from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class LocationAddress(BaseModel):
    lines: list[str] = []
    locality: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""  # ISO 3166-1 alpha-2


class BusinessLocation(TenantDocument):
    provider: str = "google-business"
    # Google's resource names: `accounts/{a}` and `locations/{l}`.
    provider_account: str
    provider_location: str
    title: str
    phone: str = ""
    website: str = ""
    address: LocationAddress | None = None
    # The incremental review sync: the newest `updateTime` stored so far (a later sync reads
    # Google's reviews, newest change first, down to it), and when it last ran.
    reviews_changed_until: datetime | None = None
    reviews_synced_at: datetime | None = None

    class Settings:
        name = "business_locations"
        indexes = [
            IndexModel(
                [
                    ("account_id", ASCENDING),
                    ("provider", ASCENDING),
                    ("provider_location", ASCENDING),
                ],
                unique=True,
            ),
            # An account's locations of one provider, newest first.
            IndexModel(
                [("account_id", ASCENDING), ("provider", ASCENDING), ("created_at", DESCENDING)]
            ),
            # The reputation cron's question: Google locations not synced for a while.
            IndexModel([("provider", ASCENDING), ("reviews_synced_at", ASCENDING)]),
            # Google's review notification names the location, not the account.
            IndexModel([("provider", ASCENDING), ("provider_location", ASCENDING)]),
        ]
