"""Custom field values as stored: each checked against the account's definition of its field.

Numbers are JSON numbers, dates ISO `YYYY-MM-DD` strings (which compare in date order), a
select's value one of its options, a multi-select's a list of them (once each).
"""

from datetime import date
from typing import Any

from shared.models.contact import CustomValue
from shared.models.custom_field import CustomField, CustomFieldType
from shared.utilities.schemas import INT64_MAX, INT64_MIN

MAX_TEXT = 2000


def stored_value(field: CustomField, value: Any) -> Any:
    """The value as stored for the field, or ValueError saying what is wrong with it."""
    if field.type is CustomFieldType.NUMBER:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("expected a number")
        if isinstance(value, int) and not INT64_MIN <= value <= INT64_MAX:
            raise ValueError("is out of range (64-bit integers)")
        return value
    if field.type is CustomFieldType.MULTI_SELECT:
        if not isinstance(value, list):
            raise ValueError("expected a list of options")
        return list(dict.fromkeys(option_of(field, item) for item in value))
    if not isinstance(value, str):
        raise ValueError(f"expected a {field.type} as a string")
    if field.type is CustomFieldType.DATE:
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            raise ValueError("expected a date as YYYY-MM-DD") from None
    if field.type is CustomFieldType.SELECT:
        return option_of(field, value)
    if len(value) > MAX_TEXT:
        raise ValueError(f"at most {MAX_TEXT} characters")
    return value


def option_of(field: CustomField, value: Any) -> str:
    if value not in field.options:
        raise ValueError(f"{value!r} is not one of {', '.join(field.options)}")
    return value


def merged_custom(current: list[CustomValue], changes: dict[str, Any]) -> list[CustomValue]:
    """The custom values with `changes` applied by key; a None value removes the key."""
    values = {value.field: value.value for value in current} | changes
    return [
        CustomValue(field=key, value=value) for key, value in values.items() if value is not None
    ]
