from enum import StrEnum
from typing import Literal

from pydantic import Field

from external_api.integrations.reports.schemas import DateRange

NumericId = r"^[0-9]{1,19}$"


class BingLevel(StrEnum):
    """The report type: one row per day for the account, or per day and campaign."""

    ACCOUNT = "account"
    CAMPAIGN = "campaign"


BingMetric = Literal["impressions", "clicks", "spend", "conversions", "revenue"]


class BingReportCreate(DateRange):
    account_id: str = Field(pattern=NumericId, description="the ad account's id (not its number)")
    customer_id: str = Field(pattern=NumericId, description="the customer owning the account")
    level: BingLevel = BingLevel.CAMPAIGN
    metrics: list[BingMetric] = Field(["impressions", "clicks", "spend"], min_length=1)
