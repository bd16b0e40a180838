from pydantic import BaseModel, ConfigDict, Field

from external_api.integrations.framework.provider import ApiKeyConnect
from shared.utilities.schemas import DocumentRead, WriteModel

E164 = r"^\+[1-9]\d{1,14}$"


class TwilioConnect(ApiKeyConnect):
    """`api_key` is the account's Auth Token; it also signs Twilio's callbacks."""

    account_sid: str = Field(pattern=r"^AC[0-9a-fA-F]{32}$", description="the Account SID")


class SmsCreate(WriteModel):
    to: str = Field(pattern=E164, description="the recipient, E.164")
    sender: str = Field(pattern=E164, description="one of the account's Twilio numbers")
    body: str = Field(min_length=1, max_length=1600)


class SmsRead(BaseModel):
    """The message as Twilio answered its creation."""

    model_config = ConfigDict(extra="ignore")

    sid: str
    status: str  # queued, sending, sent, delivered, undelivered, failed, ...
    to: str
    sender: str = Field(validation_alias="from")
    body: str
    num_segments: str | None = None
    date_created: str | None = None  # RFC 2822, as Twilio writes it


class Capabilities(BaseModel):
    model_config = ConfigDict(extra="ignore")

    sms: bool = False
    mms: bool = False
    voice: bool = False


class AvailableNumber(BaseModel):
    model_config = ConfigDict(extra="ignore")

    phone_number: str
    friendly_name: str
    locality: str | None = None
    region: str | None = None
    postal_code: str | None = None
    iso_country: str
    capabilities: Capabilities


class NumberPurchase(WriteModel):
    phone_number: str = Field(pattern=E164, description="one found by the search")


class NumberRead(DocumentRead):
    sid: str
    phone_number: str
    friendly_name: str
    capabilities: Capabilities
