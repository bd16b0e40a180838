from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from shared.models.custom_field import CustomField, CustomFieldType

Key = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$", examples=["plan"])]
Label = Annotated[str, Field(min_length=1, max_length=100)]
Option = Annotated[str, Field(min_length=1, max_length=100)]
Options = Annotated[list[Option], Field(max_length=200)]


class CustomFieldCreate(BaseModel):
    key: Key
    label: Label
    type: CustomFieldType
    options: Options = []


class CustomFieldUpdate(BaseModel):
    """The key never changes: values and filters name the field by it."""

    label: Label | None = None
    type: CustomFieldType | None = None
    options: Options | None = None


class CustomFieldRead(BaseModel):
    id: str
    key: str
    label: str
    type: CustomFieldType
    options: list[str]
    created_at: datetime

    @classmethod
    def of(cls, field: CustomField) -> "CustomFieldRead":
        return cls(
            id=str(field.id),
            key=field.key,
            label=field.label,
            type=field.type,
            options=field.options,
            created_at=field.created_at,
        )
