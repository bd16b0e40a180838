from datetime import date

from pydantic import BaseModel, Field

from external_api.integrations.framework.provider import ApiKeyConnect
from shared.utilities.schemas import WriteModel

# A bare host name: `bakery.example`, `shop.bakery.co.uk`.
DOMAIN = r"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$"


class SemrushConnect(ApiKeyConnect):
    domain: str = Field(
        max_length=253, pattern=DOMAIN, description="the domain to track, without scheme or path"
    )
    database: str = Field("us", pattern=r"^[a-z]{2,6}$", description="Semrush's regional database")


class SemrushSnapshot(BaseModel):
    """What a sync stored: the day it is the snapshot of, and how many metric rows."""

    domain: str
    day: date
    rows: int


class VisibilityQuery(WriteModel):
    account_id: str = Field(pattern=r"^[0-9a-f]{24}$", description="whose Semrush key reads it")
    domain: str = Field(max_length=253, pattern=DOMAIN)
