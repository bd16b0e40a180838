"""A document answered with a few attributes it does not store: a secret shown once (an
invitation's token, a webhook endpoint's signing secret), or whether a session is the caller's.

    return Extended(invitation, token=token)   # reads as the invitation, plus `token`

A route's read schema (`from_attributes`) reads it like the document itself.
"""

from typing import Any, Generic, TypeVar

from pydantic import GetCoreSchemaHandler
from pydantic_core import CoreSchema, core_schema

DocumentT = TypeVar("DocumentT")


class Extended(Generic[DocumentT]):
    def __init__(self, document: DocumentT, **extra: Any) -> None:
        self.document = document
        self.__dict__.update(extra)

    def __getattr__(self, name: str) -> Any:
        # Only called for what the instance itself lacks: the document's own attributes.
        return getattr(self.document, name)

    @classmethod
    def __get_pydantic_core_schema__(cls, _: Any, __: GetCoreSchemaHandler) -> CoreSchema:
        # Held as it is in a `Page`; the route's response model reads it.
        return core_schema.is_instance_schema(cls)
