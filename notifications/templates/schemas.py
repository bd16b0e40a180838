from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from notifications.templates.defaults import TemplateSource
from shared.models.notification_template import Channel, NotificationTemplate

EVENT_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"
# Template variables: names Jinja2 and MongoDB take as they are, values of a bounded size.
VariableName = Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
Scalar = Annotated[str, Field(max_length=10_000)] | int | float | bool | None


class TemplateCreate(BaseModel):
    event: str = Field(pattern=EVENT_PATTERN, description="the kind of notification")
    channel: Channel
    subject: str = Field("", max_length=1000, description="email subject or push title")
    text: str = Field(min_length=1, max_length=100_000)
    html: str = Field("", max_length=500_000, description="email only")
    marketing: bool = False
    sensitive: bool = Field(False, description="holds a secret: the log hides the body")


class TemplateUpdate(BaseModel):
    subject: str | None = Field(None, max_length=1000)
    text: str | None = Field(None, min_length=1, max_length=100_000)
    html: str | None = Field(None, max_length=500_000)
    marketing: bool | None = None
    sensitive: bool | None = None


class TemplateRead(BaseModel):
    id: str | None  # None for a default the account has not replaced
    event: str
    channel: Channel
    subject: str
    text: str
    html: str
    marketing: bool
    sensitive: bool
    is_default: bool
    created_at: datetime | None
    updated_at: datetime | None

    @classmethod
    def of(cls, template: NotificationTemplate) -> "TemplateRead":
        return cls(
            id=str(template.id),
            event=template.event,
            channel=template.channel,
            subject=template.subject,
            text=template.text,
            html=template.html,
            marketing=template.marketing,
            sensitive=template.sensitive,
            is_default=False,
            created_at=template.created_at,
            updated_at=template.updated_at,
        )

    @classmethod
    def of_default(cls, event: str, channel: Channel, source: TemplateSource) -> "TemplateRead":
        return cls(
            id=None,
            event=event,
            channel=channel,
            subject=source.subject,
            text=source.text,
            html=source.html,
            marketing=source.marketing,
            sensitive=source.sensitive,
            is_default=True,
            created_at=None,
            updated_at=None,
        )


class PreviewRequest(BaseModel):
    event: str = Field(pattern=EVENT_PATTERN)
    channel: Channel
    data: dict[VariableName, Scalar] = Field({}, max_length=100)


class PreviewRead(BaseModel):
    subject: str
    text: str
    html: str
