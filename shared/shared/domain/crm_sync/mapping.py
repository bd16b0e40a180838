"""An account's field mapping: platform field -> CRM field. Platform fields are a contact's
scalar fields, the first few emails and phones by position (`emails.0`), address parts
(`address.city`) and the account's custom fields (`custom.<key>`).

Both directions read through one flat view of a contact (`platform_values`), and the sync's
loop prevention hashes that view (`fingerprint`): the same values on both sides are the same
hash, whichever side wrote them last."""

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from beanie import PydanticObjectId

from shared.domain.contacts.repository import CustomFieldRepository
from shared.models.contact import Address, Contact
from shared.utilities.errors import InvalidInput

SCALAR_FIELDS = ("first_name", "last_name", "name", "website", "source")
LIST_FIELDS = {"emails": 3, "phones": 3}  # how many positions a mapping may name
ADDRESS_FIELDS = tuple(Address.model_fields)
PLATFORM_FIELDS = frozenset(
    [*SCALAR_FIELDS]
    + [f"{name}.{i}" for name, count in LIST_FIELDS.items() for i in range(count)]
    + [f"address.{part}" for part in ADDRESS_FIELDS]
)
CUSTOM = "custom."


def cleaned(value: Any) -> Any:
    """A CRM's empty values ("" and whitespace) read as absent; text trimmed."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


async def check_field_map(account_id: PydanticObjectId, field_map: Mapping[str, str]) -> None:
    """InvalidInput naming each platform field the mapping names that the account does not
    have, and each CRM field mapped twice."""
    custom = set(await CustomFieldRepository(account_id).keyed())
    problems = [
        {"field": f"field_map.{ours}", "message": "not a contact field of this account"}
        for ours in field_map
        if ours not in PLATFORM_FIELDS
        and not (ours.startswith(CUSTOM) and ours.removeprefix(CUSTOM) in custom)
    ]
    seen: set[str] = set()
    for ours, theirs in field_map.items():
        if theirs in seen:
            problems.append({"field": f"field_map.{ours}", "message": "CRM field mapped twice"})
        seen.add(theirs)
    if problems:
        raise InvalidInput(
            "The field mapping names fields that cannot be mapped.", details=problems
        )


def platform_value(contact: Contact, field: str) -> Any:
    if field.startswith(CUSTOM):
        return contact.custom.get(field.removeprefix(CUSTOM))
    name, _, part = field.partition(".")
    if name in LIST_FIELDS:
        values = getattr(contact, name)
        index = int(part)
        return values[index] if index < len(values) else None
    if name == "address":
        return getattr(contact.address, part) if contact.address else None
    return getattr(contact, name)


def platform_values(contact: Contact, field_map: Mapping[str, str]) -> dict[str, Any]:
    """The mapped fields of the contact, by platform field."""
    return {ours: cleaned(platform_value(contact, ours)) for ours in field_map}


def incoming_values(fields: Mapping[str, Any], field_map: Mapping[str, str]) -> dict[str, Any]:
    """The mapped fields of a CRM record, by platform field."""
    return {ours: cleaned(fields.get(theirs)) for ours, theirs in field_map.items()}


def to_provider(values: Mapping[str, Any], field_map: Mapping[str, str]) -> dict[str, Any]:
    """Flat platform values as the CRM's fields (an absent value is sent empty, to clear it)."""
    return {field_map[ours]: "" if value is None else value for ours, value in values.items()}


def to_contact_fields(values: Mapping[str, Any], contact: Contact | None) -> dict[str, Any]:
    """Flat platform values as the contact write path's fields: list positions set in the
    contact's current lists (the other positions kept), address parts in its address, custom
    values by key."""
    fields: dict[str, Any] = {}
    custom: dict[str, Any] = {}
    address = contact.address.model_dump() if contact and contact.address else {}
    lists = {name: list(getattr(contact, name)) if contact else [] for name in LIST_FIELDS}
    for ours, value in values.items():
        name, _, part = ours.partition(".")
        if ours.startswith(CUSTOM):
            custom[ours.removeprefix(CUSTOM)] = value
        elif name in LIST_FIELDS:
            placed(lists[name], int(part), value)
            fields[name] = [item for item in lists[name] if item]
        elif name == "address":
            address[part] = value
            fields["address"] = address if any(address.values()) else None
        else:
            fields[ours] = value
    if custom:
        fields["custom"] = custom
    return fields


def placed(values: list[Any], index: int, value: Any) -> None:
    while len(values) <= index:
        values.append(None)
    values[index] = value


def fingerprint(values: Mapping[str, Any]) -> str:
    """The same mapped values hash the same, whichever side they were read from; case and
    spacing of emails do not count (the platform lower-cases them)."""
    comparable = {
        key: value.lower() if isinstance(value, str) and key.startswith("emails.") else value
        for key, value in values.items()
    }
    text = json.dumps(comparable, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()
