from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field

from internal_api.fields import Name
from shared.utilities.schemas import DocumentRead, WriteModel


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


class WidgetCreate(WriteModel):
    name: Name
    allowed_origins: Origins = []
    enabled: bool = True


class WidgetUpdate(WriteModel):
    name: Name | None = None
    allowed_origins: Origins | None = None
    enabled: bool | None = None


class WidgetRead(DocumentRead):
    name: str
    key: str
    allowed_origins: list[str]
    enabled: bool
