from datetime import datetime
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, Field

from internal_api.fields import Email, Name
from shared.models.live_chat_widget import LiveChatWidget


def origin(value: str) -> str:
    """`scheme://host[:port]` as a browser sends it in `Origin`: http or https, no path."""
    parts = urlsplit(value.strip().lower().rstrip("/"))
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path or parts.query:
        raise ValueError("an origin is scheme://host[:port], e.g. https://www.example.com")
    return f"{parts.scheme}://{parts.netloc}"


Origin = Annotated[str, Field(max_length=300), AfterValidator(origin)]
Origins = Annotated[
    list[Origin],
    Field(max_length=50, description="origins allowed to use the key; empty: any"),
    AfterValidator(lambda origins: list(dict.fromkeys(origins))),
]


class WidgetCreate(BaseModel):
    name: Name
    allowed_origins: Origins = []
    enabled: bool = True


class WidgetUpdate(BaseModel):
    name: Name | None = None
    allowed_origins: Origins | None = None
    enabled: bool | None = None


class WidgetRead(BaseModel):
    id: str
    name: str
    key: str
    allowed_origins: list[str]
    enabled: bool
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, widget: LiveChatWidget) -> "WidgetRead":
        return cls(id=str(widget.id), **widget.model_dump(exclude={"id", "account_id"}))


class ProspectContactCreate(BaseModel):
    """A visitor who left their email, for the account the widget belongs to."""

    account_id: Annotated[str, Field(pattern=r"^[0-9a-f]{24}$")]
    email: Email
    name: Annotated[str, Field(max_length=200)] = ""


class ProspectContactRead(BaseModel):
    contact_id: str
    created: bool  # False: a live contact of the account already had the email
