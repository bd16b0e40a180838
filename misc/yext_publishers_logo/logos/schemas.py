import base64
import hashlib
from typing import Self

from pydantic import BaseModel


class Logo(BaseModel):
    """An image as cached: JSON in Redis, so the bytes travel as base64."""

    content_type: str
    etag: str  # a hash of the bytes, quoted as the ETag header wants it
    body_base64: str

    @classmethod
    def of(cls, content_type: str, body: bytes) -> Self:
        return cls(
            content_type=content_type,
            etag=f'"{hashlib.sha256(body).hexdigest()}"',
            body_base64=base64.b64encode(body).decode(),
        )

    @property
    def body(self) -> bytes:
        return base64.b64decode(self.body_base64)
