from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field

from external_api.integrations.reports.schemas import DateRange


class FacebookPageRead(BaseModel):
    id: str
    name: str
    category: str
    leads_subscribed: bool


class InsightsLevel(StrEnum):
    ACCOUNT = "account"
    CAMPAIGN = "campaign"


InsightsMetric = Literal["impressions", "clicks", "spend", "reach", "ctr", "cpc", "cpm"]


class InsightsReportCreate(DateRange):
    ad_account_id: str = Field(pattern=r"^[0-9]{1,20}$", description="without the act_ prefix")
    level: InsightsLevel = InsightsLevel.ACCOUNT
    metrics: list[InsightsMetric] = Field(["impressions", "clicks", "spend"], min_length=1)
