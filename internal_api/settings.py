from datetime import timedelta
from typing import ClassVar

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from shared.utilities.settings import Port, ServiceSettings


class InternalApiSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="INTERNAL_API_")

    service_name: ClassVar[str] = "internal_api"
    port: Port = 5002

    login_failure_limit: int = Field(
        5, gt=0, description="failed logins for one email before it is throttled"
    )
    login_failure_window_seconds: int = Field(
        15 * 60, gt=0, description="failures are counted this long from the first one"
    )
    invitation_lifetime_seconds: int = Field(
        7 * 24 * 3600, gt=0, description="how long an invitation can be accepted"
    )
    default_phone_region: str = Field(
        "US",
        pattern=r"^[A-Z]{2}$",
        description="country of a contact's phone written without a country code, when the "
        "contact's address names none",
    )
    automation_webhooks_allow_http: bool = Field(
        False, description="let automation webhooks use plain http (tests and local receivers)"
    )

    @property
    def invitation_lifetime(self) -> timedelta:
        return timedelta(seconds=self.invitation_lifetime_seconds)
