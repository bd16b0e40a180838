from enum import StrEnum
from typing import Literal

from pydantic import Field

from external_api.integrations.reports.schemas import DateRange

CustomerId = Field(pattern=r"^[0-9]{10}$", description="ten digits, without dashes")


class AdsLevel(StrEnum):
    ACCOUNT = "customer"
    CAMPAIGN = "campaign"


AdsMetric = Literal[
    "clicks",
    "impressions",
    "cost_micros",
    "conversions",
    "conversions_value",
    "ctr",
    "average_cpc",
    "interactions",
]


class AdsReportCreate(DateRange):
    customer_id: str = CustomerId
    # The manager account the access goes through, when the customer is managed.
    login_customer_id: str | None = Field(None, pattern=r"^[0-9]{10}$")
    level: AdsLevel = AdsLevel.CAMPAIGN
    metrics: list[AdsMetric] = Field(["clicks", "impressions", "cost_micros"], min_length=1)
