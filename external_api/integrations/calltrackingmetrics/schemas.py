from pydantic import BaseModel, ConfigDict, Field

from external_api.integrations.framework.provider import ApiKeyConnect

CTM_ID = r"^[0-9]{1,20}$"  # CTM's account and call ids are numeric


class CtmConnect(ApiKeyConnect):
    """`api_key` is the pair's secret key (Settings, API Integration in CTM)."""

    access_key: str = Field(
        min_length=1, max_length=200, pattern=r"^[A-Za-z0-9_-]+$", description="the access key"
    )
    ctm_account_id: str = Field(pattern=CTM_ID, description="CTM's numeric account id")


class Call(BaseModel):
    """A call as CTM's Calls API lists it (the fields its reference documents)."""

    model_config = ConfigDict(extra="ignore")

    id: int
    name: str | None = None  # the caller's name
    caller_number: str | None = None
    tracking_number: str | None = None
    business_number: str | None = None
    direction: str | None = None  # inbound, outbound
    duration: int | None = None  # seconds
    source: str | None = None  # where the caller came from: "Google Organic", "Direct"
    referrer: str | None = None
    location: str | None = None  # the landing page
    city: str | None = None
    state: str | None = None
    country: str | None = None
    called_at: str | None = None  # as CTM writes it, in the account's time zone
    audio: str | None = None  # the recording's URL, when recorded


class WebhookRead(BaseModel):
    webhook_url: str  # where CTM's call webhook is to point
