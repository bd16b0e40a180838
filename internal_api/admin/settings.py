"""The admin's settings, read by the internal API (`INTERNAL_API_` prefix)."""

from datetime import timedelta

from pydantic import Field

from shared.utilities.settings import ServiceSettings


class AdminSettings(ServiceSettings):
    admin_impersonation_minutes: int = Field(
        30, gt=0, le=24 * 60, description="how long an operator's read-only view as a user lasts"
    )
    queue_manager_url: str = Field(
        "http://127.0.0.1:6002", description="the queue manager, which the admin shows and drives"
    )
    queue_manager_timeout_seconds: float = Field(
        5, gt=0, description="how long the queue manager may take to answer the admin: 504"
    )

    @property
    def admin_impersonation_lifetime(self) -> timedelta:
        return timedelta(minutes=self.admin_impersonation_minutes)
