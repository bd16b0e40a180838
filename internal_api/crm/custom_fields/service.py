"""An account's custom contact fields; contact values are checked against them by the write
path (`shared.domain.contacts.custom_values`).

Definitions belong to the whole account, so their values are counted and removed on every
contact of it, not only those the caller sees. Deleting a definition removes its values: a
value without a definition could be neither labelled nor validated. Changing a field's type
while contacts hold values answers 409, and so does dropping a select option a contact holds.
"""

from pymongo.errors import DuplicateKeyError

from internal_api.crm.contacts.auth import ContactsCaller
from internal_api.crm.custom_fields.schemas import CustomFieldCreate, CustomFieldUpdate
from shared.domain.contacts.repository import CustomFieldRepository
from shared.models.custom_field import SELECT_TYPES, CustomField, CustomFieldType
from shared.utilities.errors import Conflict, InvalidInput
from shared.utilities.pagination import Page, PageParams


class CustomFieldKeyTaken(Conflict):
    """The account already has a custom field with this key."""

    code = "custom_field_key_taken"


class CustomFieldInUse(Conflict):
    """Contacts hold values the change would leave invalid (a new type, a dropped option)."""

    code = "custom_field_in_use"


def definitions(caller: ContactsCaller) -> CustomFieldRepository:
    return CustomFieldRepository(caller.account_id)


async def list_fields(caller: ContactsCaller, params: PageParams) -> Page[CustomField]:
    return await definitions(caller).paginate(params)


async def get_field(caller: ContactsCaller, field_id: str) -> CustomField:
    return await definitions(caller).get(field_id)


async def create_field(caller: ContactsCaller, data: CustomFieldCreate) -> CustomField:
    check_options(data.type, data.options)
    if await definitions(caller).count({"key": data.key}):
        raise key_taken(data.key)
    try:
        return await definitions(caller).create(**data.model_dump())
    except DuplicateKeyError:  # a concurrent create won the race the count checked for
        raise key_taken(data.key) from None


async def update_field(
    caller: ContactsCaller, field_id: str, data: CustomFieldUpdate
) -> CustomField:
    field = await get_field(caller, field_id)
    new_type = data.type or field.type
    new_options = data.options
    if new_options is None:
        new_options = field.options if new_type in SELECT_TYPES else []
    check_options(new_type, new_options)
    contacts = caller.records.whole_account()
    if new_type != field.type and await contacts.count_holding(field.key, {"$exists": True}):
        raise CustomFieldInUse(
            f"Contacts hold values of {field.label}; its type cannot change.",
            details=[{"field": "type"}],
        )
    dropped = sorted(set(field.options) - set(new_options))
    if dropped and await contacts.count_holding(field.key, {"$in": dropped}):
        raise CustomFieldInUse(
            f"Contacts hold options of {field.label} that would be dropped: {', '.join(dropped)}.",
            details=[{"field": "options", "options": dropped}],
        )
    field.label = data.label or field.label
    field.type, field.options = new_type, new_options
    await field.save()
    return field


async def delete_field(caller: ContactsCaller, field_id: str) -> None:
    field = await get_field(caller, field_id)
    await caller.records.whole_account().remove_custom_values(field.key)
    await field.delete()


def check_options(field_type: CustomFieldType, options: list[str]) -> None:
    if field_type in SELECT_TYPES and not options:
        raise InvalidInput(
            f"A {field_type} field needs options.",
            details=[{"field": "options", "message": "at least one option is required"}],
        )
    if field_type not in SELECT_TYPES and options:
        raise InvalidInput(
            f"A {field_type} field has no options.",
            details=[{"field": "options", "message": "only select fields have options"}],
        )


def key_taken(key: str) -> CustomFieldKeyTaken:
    return CustomFieldKeyTaken(
        f"The custom field {key} already exists.", details=[{"field": "key"}]
    )
