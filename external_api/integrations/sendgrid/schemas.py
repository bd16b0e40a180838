from pydantic import BaseModel, EmailStr, Field, model_validator

from external_api.integrations.framework.provider import ApiKeyConnect
from shared.utilities.schemas import WriteModel
from shared.utilities.signatures import load_ecdsa_public_key


class SendgridConnect(ApiKeyConnect):
    webhook_public_key: str | None = Field(
        None,
        max_length=500,
        description="the event webhook's verification key (SendGrid, Mail Settings, Signed "
        "Event Webhook), base64 as SendGrid shows it; without it events are refused",
    )

    @model_validator(mode="after")
    def the_public_key_is_one(self) -> "SendgridConnect":
        if self.webhook_public_key:
            load_ecdsa_public_key(self.webhook_public_key)  # ValueError: answered 422
        return self


class Address(WriteModel):
    email: EmailStr
    name: str | None = Field(None, max_length=200)


class MailCreate(WriteModel):
    to: list[Address] = Field(min_length=1, max_length=100)
    sender: Address = Field(description="the From address (verified in the account's SendGrid)")
    reply_to: Address | None = None
    subject: str = Field(min_length=1, max_length=998)
    text: str | None = Field(None, max_length=1_000_000)
    html: str | None = Field(None, max_length=1_000_000)
    categories: list[str] = Field([], max_length=10)

    @model_validator(mode="after")
    def has_a_body(self) -> "MailCreate":
        if not (self.text or self.html):
            raise ValueError("give text, html or both")
        return self


class MailSent(BaseModel):
    message_id: str  # SendGrid's X-Message-Id; its events carry it in sg_message_id


class WebhookRead(BaseModel):
    webhook_url: str  # where the account's Event Webhook is to point (SendGrid, Mail Settings)
