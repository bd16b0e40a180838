from typing import Annotated

from pydantic import Field

from shared.models.custom_field import CustomFieldType
from shared.utilities.schemas import DocumentRead, WriteModel

Key = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$", examples=["plan"])]
Label = Annotated[str, Field(min_length=1, max_length=100)]
Option = Annotated[str, Field(min_length=1, max_length=100)]
Options = Annotated[list[Option], Field(max_length=200)]


class CustomFieldCreate(WriteModel):
    key: Key
    label: Label
    type: CustomFieldType
    options: Options = []


class CustomFieldUpdate(WriteModel):
    """The key never changes: values and filters name the field by it."""

    label: Label | None = None
    type: CustomFieldType | None = None
    options: Options | None = None


class CustomFieldRead(DocumentRead):
    key: str
    label: str
    type: CustomFieldType
    options: list[str]
