"""An account's custom contact fields, and checking contact values against them.

Deleting a definition removes its values from every contact of the account: a value without a
definition could be neither labelled nor validated. Changing a field's type while contacts hold
values answers 409, and so does dropping a select option a contact holds.
"""

from collections.abc import Mapping
from datetime import date
from typing import Any

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from internal_api.crm.custom_fields.schemas import CustomFieldCreate, CustomFieldUpdate
from shared.models.contact import Contact
from shared.models.custom_field import SELECT_TYPES, CustomField, CustomFieldType
from shared.utilities.errors import Conflict, InvalidInput
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import TenantRepository

MAX_TEXT = 2000

AccountId = str | PydanticObjectId


def definitions(account_id: AccountId) -> TenantRepository[CustomField]:
    return TenantRepository(CustomField, account_id)


def contacts(account_id: AccountId) -> TenantRepository[Contact]:
    # Definitions belong to the whole account, so their values are counted and removed on
    # every contact of it, not only on those the caller may see.
    return TenantRepository(Contact, account_id)


async def list_fields(account_id: AccountId, params: PageParams) -> Page[CustomField]:
    return await definitions(account_id).paginate(params)


async def get_field(account_id: AccountId, field_id: str) -> CustomField:
    return await definitions(account_id).get(field_id)


async def create_field(account_id: AccountId, data: CustomFieldCreate) -> CustomField:
    check_options(data.type, data.options)
    if await definitions(account_id).count({"key": data.key}):
        raise key_taken(data.key)
    try:
        return await definitions(account_id).create(**data.model_dump())
    except DuplicateKeyError:  # a concurrent create won the race the count checked for
        raise key_taken(data.key) from None


async def update_field(
    account_id: AccountId, field_id: str, data: CustomFieldUpdate
) -> CustomField:
    field = await get_field(account_id, field_id)
    new_type = data.type or field.type
    new_options = data.options
    if new_options is None:
        new_options = field.options if new_type in SELECT_TYPES else []
    check_options(new_type, new_options)
    if new_type != field.type and await values_matching(field, {"$exists": True}):
        raise Conflict(
            f"Contacts hold values of {field.key}; its type cannot change.",
            details=[{"field": "body.type"}],
        )
    dropped = sorted(set(field.options) - set(new_options))
    if dropped and await values_matching(field, {"$in": dropped}):
        raise Conflict(
            f"Contacts hold options of {field.key} that would be dropped: {', '.join(dropped)}.",
            details=[{"field": "body.options", "options": dropped}],
        )
    field.label = data.label or field.label
    field.type, field.options = new_type, new_options
    await field.save()
    return field


async def delete_field(account_id: AccountId, field_id: str) -> None:
    field = await get_field(account_id, field_id)
    holders = Contact.find(contacts(account_id).scoped({"custom_values.field": field.key}))
    await holders.update({"$pull": {"custom_values": {"field": field.key}}})
    await field.delete()


async def values_matching(field: CustomField, value: Any) -> int:
    """How many contacts hold a value of the field matching `value` (a MongoDB condition)."""
    held = {"custom_values": {"$elemMatch": {"field": field.key, "value": value}}}
    return await contacts(field.account_id).count(held)


def check_options(field_type: CustomFieldType, options: list[str]) -> None:
    if field_type in SELECT_TYPES and not options:
        raise InvalidInput(
            f"A {field_type} field needs options.",
            details=[{"field": "body.options", "message": "at least one option is required"}],
        )
    if field_type not in SELECT_TYPES and options:
        raise InvalidInput(
            f"A {field_type} field has no options.",
            details=[{"field": "body.options", "message": "only select fields have options"}],
        )


def key_taken(key: str) -> Conflict:
    return Conflict(f"The custom field {key} already exists.", details=[{"field": "body.key"}])


async def validated_values(account_id: AccountId, values: Mapping[str, Any]) -> dict[str, Any]:
    """Values by field key as stored, each checked against the account's definition of it;
    None (which clears a value) passes. 422 naming every unknown field and bad value."""
    found = await definitions(account_id).list({"key": {"$in": list(values)}}, limit=0)
    by_key = {field.key: field for field in found}
    stored: dict[str, Any] = {}
    errors = []
    for key, value in values.items():
        try:
            if key not in by_key:
                raise ValueError("unknown custom field")
            stored[key] = None if value is None else stored_value(by_key[key], value)
        except ValueError as error:
            errors.append({"field": f"body.custom.{key}", "message": str(error)})
    if errors:
        names = ", ".join(error["field"].removeprefix("body.") for error in errors)
        raise InvalidInput(f"Invalid custom fields: {names}.", details=errors)
    return stored


def stored_value(field: CustomField, value: Any) -> Any:
    """The value as stored for the field, or ValueError saying what is wrong with it."""
    if field.type is CustomFieldType.NUMBER:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("expected a number")
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
