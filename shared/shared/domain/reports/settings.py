from typing import Annotated, Self

from pydantic import Field, PositiveInt, model_validator

from shared.utilities.settings import RunMode, ServiceSettings, common


class ReportSettings(ServiceSettings):
    reports_link_key: str = common(
        "REPORTS_LINK_KEY",
        "",
        "secret (32+ random bytes) signing client reports' and InstaReports' share links; the "
        "internal API and the queue manager; empty in embedded mode uses a development secret",
    )
    reports_share_days: PositiveInt = common(
        "REPORTS_SHARE_DAYS", 30, "days a client report's share link works, unless asked otherwise"
    )
    reports_max_widgets: Annotated[int, Field(ge=1, le=100)] = common(
        "REPORTS_MAX_WIDGETS", 40, "widgets a client report may have"
    )

    @model_validator(mode="after")
    def distributed_mode_needs_a_reports_link_key(self) -> Self:
        if self.mode is RunMode.DISTRIBUTED and not self.reports_link_key:
            raise ValueError("REPORTS_LINK_KEY is required in distributed mode")
        return self
