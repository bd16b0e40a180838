from typing import Annotated

from pydantic import Field, StringConstraints

from external_api.integrations.reports.schemas import DateRange

# GA4 API names: `sessions`, `activeUsers`, `customEvent:plan`.
ApiName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_:]{0,99}$")]


class GaReportCreate(DateRange):
    property_id: str = Field(pattern=r"^[0-9]{1,20}$", description="the GA4 property's number")
    dimensions: list[ApiName] = Field(["date"], max_length=9)
    metrics: list[ApiName] = Field(["sessions", "activeUsers"], min_length=1, max_length=10)
