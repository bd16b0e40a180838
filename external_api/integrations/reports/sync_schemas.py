from typing import Literal

from pydantic import BaseModel, Field

from external_api.integrations.reports.schemas import DateRange

Source = Literal[
    "google-analytics",
    "google-ads",
    "facebook-ads",
    "callrail",
    "semrush",
    "bing-ads",
    "tiktok-ads",
]


class SyncCreate(DateRange):
    account_id: str = Field(pattern=r"^[0-9a-f]{24}$")
    source: Source


class SyncRead(BaseModel):
    pulls: int


class BackfillCreate(DateRange):
    source: Source


class BackfillRead(BaseModel):
    jobs: int  # one per month of the range
