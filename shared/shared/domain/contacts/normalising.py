"""A contact's fields as stored: each field given is checked and normalised by its own
normaliser (`NORMALISERS`), without touching the database, so one write and a batch of
thousands share them (the batch loads its `Context` once).

Fields are named as the contacts API names them (`emails`, `address`, `custom`, `owner_id`,
...), with JSON values:

    values = normalised({"emails": ["Ada@Example.com"], "phones": ["(415) 555-0107"]}, context)
    # {"emails": ["ada@example.com"], "phones": ["+14155550107"]}

Every bad value is reported at once, each by its plain path (`phones.1`, `custom.plan`), in one
`InvalidInput`. What needs the database (owners and followers being users of the account, the
business linked, emails free) is checked by `checks` once the values are known.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import phonenumbers
from beanie import PydanticObjectId
from pydantic import EmailStr, HttpUrl, TypeAdapter, ValidationError

from shared.domain.contacts.custom_values import stored_value
from shared.domain.contacts.repository import CustomFieldRepository
from shared.models.contact import Address, Contact, ContactType
from shared.models.custom_field import CustomField
from shared.utilities.errors import InvalidInput
from shared.utilities.repository import object_id
from shared.utilities.schemas import storable

MAX_TEXT = 200
MAX_TAG = 50
ADDRESS_PARTS = ("street", "city", "region", "postal_code", "country")


@dataclass(frozen=True)
class Context:
    """What normalising an account's contacts needs: the country a phone number without a
    country code belongs to (when the contact's address names none), and the account's custom
    field definitions by key (those the values name)."""

    phone_region: str
    custom_fields: Mapping[str, CustomField]


async def context_for(
    account_id: PydanticObjectId, phone_region: str, writes: Iterable[Mapping[str, Any]]
) -> Context:
    """The context of these writes (one, or a batch's): one query, for the custom fields they
    name."""
    keys = {key for fields in writes for key in (fields.get("custom") or {})}
    definitions = await CustomFieldRepository(account_id).keyed(keys) if keys else {}
    return Context(phone_region=phone_region, custom_fields=definitions)


class Invalid(ValueError):
    """What is wrong with one field's value: messages by path inside the field ("" for the
    value itself, "1" for its second item)."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        super().__init__("; ".join(problems.values()))
        self.problems = dict(problems)


def invalid(message: str, at: str | int = "") -> Invalid:
    return Invalid({str(at): message})


# A normaliser's answer for a value that leaves the field as it is (an update's `type: null`).
UNCHANGED: Any = object()

Normaliser = Callable[[Any, Context], Any]


def trimmed(value: Any) -> str | None:
    """A text value trimmed; empty is None."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("expected a string")
    if problem := storable(value):
        raise ValueError(problem)
    value = value.strip()
    if len(value) > MAX_TEXT:
        raise ValueError(f"at most {MAX_TEXT} characters")
    return value or None


def text(value: Any, context: Context) -> str | None:
    try:
        return trimmed(value)
    except ValueError as error:
        raise invalid(str(error)) from None


def flag(value: Any, context: Context) -> bool:
    """A yes or no; null is no."""
    if value is None:
        return False
    if not isinstance(value, bool):
        raise invalid("expected true or false")
    return value


def contact_type(value: Any, context: Context) -> ContactType:
    if value is None:
        return UNCHANGED
    try:
        return ContactType(value)
    except ValueError:
        raise invalid(f"one of {', '.join(ContactType)}") from None


def each(value: Any, normalise: Callable[[Any], Any]) -> list[Any]:
    """Each item of a list normalised, once each in order; every bad item named."""
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise invalid("expected a list")
    normalised, problems = [], {}
    for index, item in enumerate(value):
        try:
            normalised.append(normalise(item))
        except ValueError as error:
            problems[str(index)] = str(error)
    if problems:
        raise Invalid(problems)
    return list(dict.fromkeys(normalised))


EMAIL = TypeAdapter(EmailStr)


def email(value: Any) -> str:
    try:
        return EMAIL.validate_python(value.strip() if isinstance(value, str) else value).lower()
    except ValidationError:
        raise ValueError(f"{value!r} is not a valid email") from None


def emails(value: Any, context: Context) -> list[str]:
    """Lower-cased: an email is compared, and belongs to one live contact, whatever its case."""
    return each(value, email)


def phones(value: Any, context: Context) -> list[str]:
    """In E.164; a number without a country code is one of `context.phone_region`."""

    def e164(phone: Any) -> str:
        try:
            number = phonenumbers.parse(str(phone), context.phone_region.upper())
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise ValueError(f"{phone!r} is not valid")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    return each(value, e164)


def address(value: Any, context: Context) -> Address | None:
    if value is None:
        return None
    given = value.model_dump() if hasattr(value, "model_dump") else value
    if not isinstance(given, Mapping):
        raise invalid("expected an object")
    problems, parts = {}, {}
    for part in ADDRESS_PARTS:
        try:
            parts[part] = trimmed(given.get(part))
        except ValueError as error:
            problems[part] = str(error)
    country = parts.get("country")
    if country and not (len(country) == 2 and country.isascii() and country.isalpha()):
        problems["country"] = "a two-letter country code (ISO 3166)"
    if unknown := sorted(set(given) - set(ADDRESS_PARTS)):
        problems.update({name: "unknown field" for name in unknown})
    if problems:
        raise Invalid(problems)
    return Address(**{**parts, "country": country.upper() if country else None})


URL = TypeAdapter(HttpUrl)


def website(value: Any, context: Context) -> str | None:
    if value is None:
        return None
    try:
        return str(URL.validate_python(str(value)))
    except ValidationError:
        raise invalid(f"{value!r} is not an http(s) URL") from None


def an_id(value: Any) -> PydanticObjectId:
    oid = object_id(value)
    if oid is None:
        raise ValueError(f"{value!r} is not an id")
    return oid


def optional_id(value: Any, context: Context) -> PydanticObjectId | None:
    if value is None:
        return None
    try:
        return an_id(value)
    except ValueError as error:
        raise invalid(str(error)) from None


def ids(value: Any, context: Context) -> list[PydanticObjectId]:
    return each(value, an_id)


def tag(value: Any) -> str:
    name = trimmed(value) or ""
    if not name or len(name) > MAX_TAG:
        raise ValueError(f"a tag has 1 to {MAX_TAG} characters")
    return name


def tags(value: Any, context: Context) -> list[str]:
    return each(value, tag)


def custom(value: Any, context: Context) -> dict[str, Any]:
    """Values by key as stored, each checked against the account's definition of it; None
    (which clears a value) passes."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise invalid("expected an object of values by custom field key")
    stored, problems = {}, {}
    for key, item in value.items():
        definition = context.custom_fields.get(key)
        try:
            if definition is None:
                raise ValueError("unknown custom field")
            stored[key] = None if item is None else stored_value(definition, item)
        except ValueError as error:
            problems[key] = str(error)
    if problems:
        raise Invalid(problems)
    return stored


NORMALISERS: dict[str, Normaliser] = {
    "type": contact_type,
    "first_name": text,
    "last_name": text,
    "name": text,
    "emails": emails,
    "phones": phones,
    "address": address,
    "website": website,
    "source": text,
    "owner_id": optional_id,
    "follower_ids": ids,
    "tags": tags,
    "custom": custom,
    "business_id": optional_id,
    "email_opt_out": flag,
}


def normalised(
    fields: Mapping[str, Any], context: Context, current: Contact | None = None
) -> dict[str, Any]:
    """The fields given, as stored; `current` is the contact they change, if any (its address
    says the country of phones when the fields do not)."""
    values: dict[str, Any] = {}
    details: list[dict[str, str]] = []
    # The address first: its country is the one of phones written without a country code.
    for name in sorted(fields, key=lambda name: name != "address"):
        normaliser = NORMALISERS.get(name)
        try:
            if normaliser is None:
                raise invalid("unknown field")
            value = normaliser(fields[name], in_country(context, values, current))
        except Invalid as error:
            details += [
                {"field": f"{name}.{at}" if at else name, "message": message}
                for at, message in error.problems.items()
            ]
            continue
        if value is not UNCHANGED:
            values[name] = value
    if details:
        names = ", ".join(dict.fromkeys(detail["field"] for detail in details))
        raise InvalidInput(f"Some fields are invalid: {names}.", details=details)
    return values


def in_country(context: Context, values: Mapping[str, Any], current: Contact | None) -> Context:
    """The context with the contact's country as the phone region, when its address has one."""
    where = values.get("address", current.address if current else None)
    country = where.country if where else None
    return replace(context, phone_region=country) if country else context
