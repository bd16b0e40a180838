from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from external_api.integrations.framework.provider import ApiKeyConnect
from shared.utilities.schemas import WriteModel

CALLRAIL_ID = r"^[A-Za-z0-9]{1,64}$"  # CallRail's ids: ACC..., CAL..., or digits


class CallrailConnect(ApiKeyConnect):
    callrail_account_id: str = Field(
        pattern=CALLRAIL_ID, description="CallRail's account id (ACC... or digits)"
    )


class WebhookKeyUpdate(WriteModel):
    signing_key: SecretStr = Field(
        min_length=1,
        max_length=200,
        description="the company's webhook signing key (CallRail: Integrations, Webhooks); "
        "kept sealed, and forgotten when CallRail is connected again",
    )


class Call(BaseModel):
    """A call as CallRail's API v3 lists it (the default fields)."""

    model_config = ConfigDict(extra="ignore")

    id: str
    answered: bool | None = None
    business_phone_number: str | None = None
    customer_city: str | None = None
    customer_country: str | None = None
    customer_name: str | None = None
    customer_phone_number: str | None = None
    customer_state: str | None = None
    direction: str | None = None  # inbound, outbound
    duration: int | None = None  # seconds
    recording: str | None = None  # the API URL of its recording, when recorded
    recording_duration: int | None = None
    source: str | None = None  # where the caller came from; asked for with `fields=source`
    start_time: datetime | None = None
    tracking_phone_number: str | None = None
    voicemail: bool | None = None


class RecordingLink(BaseModel):
    url: str  # a short-lived link that redirects to the audio file


class WebhookRead(BaseModel):
    webhook_url: str  # where CallRail's post-call webhook is to point
