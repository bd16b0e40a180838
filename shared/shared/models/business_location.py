"""A Google Business Profile location of an account, as last read from Google."""

from pydantic import BaseModel
from pymongo import ASCENDING, IndexModel

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
        ]
