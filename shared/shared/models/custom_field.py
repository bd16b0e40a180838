"""An account's definition of a custom contact field: its key, label, type and options."""

from enum import StrEnum

from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class CustomFieldType(StrEnum):
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    SELECT = "select"
    MULTI_SELECT = "multi_select"


SELECT_TYPES = (CustomFieldType.SELECT, CustomFieldType.MULTI_SELECT)


class CustomField(TenantDocument):
    key: str  # what values and filters name it by: `custom.<key>`; never changes
    label: str
    type: CustomFieldType
    options: list[str] = []  # the allowed values of the select types

    class Settings:
        name = "custom_fields"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("key", ASCENDING)], unique=True),
            # The list, by when made (its default order), read either way.
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
        ]
