from enum import StrEnum
from typing import Literal

from pydantic import Field

from external_api.integrations.reports.schemas import DateRange


class TiktokLevel(StrEnum):
    """One row per day for the advertiser, or per day and campaign."""

    ADVERTISER = "advertiser"
    CAMPAIGN = "campaign"


TiktokMetric = Literal["spend", "impressions", "clicks", "conversions", "reach"]


class TiktokReportCreate(DateRange):
    advertiser_id: str = Field(pattern=r"^[0-9]{1,20}$", description="the ad account's id")
    level: TiktokLevel = TiktokLevel.CAMPAIGN
    metrics: list[TiktokMetric] = Field(["spend", "impressions", "clicks"], min_length=1)
