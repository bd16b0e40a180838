"""A submission's answers read field by field, as a page sends them (JSON or urlencoded: each
a string, or a list of strings), and checked by the field's kind and rules.

    answers = read_answers(form.fields, {"email": "Ada@Example.com", "plan": ["pro"]}, "US")

Every bad answer is reported at once, by its field's key, in one `InvalidAnswers`; keys the
form does not have are ignored (a page may send more than the form asks).
"""

import math
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

import phonenumbers
import re2

from shared.domain.contacts.normalising import email
from shared.domain.forms.errors import InvalidAnswers
from shared.models.form import FieldKind, FormField
from shared.models.form_submission import Answer
from shared.utilities.schemas import storable

RawAnswer = str | Sequence[str] | None
MAX_TEXT = 5000
# A number as people type it: no digit separators, no "nan" or "inf".
DECIMAL = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d{1,3})?")
TRUE, FALSE = frozenset({"true", "on", "yes", "1"}), frozenset({"false", "off", "no", "0", ""})


class Refused(ValueError):
    """Why one answer cannot be taken."""


def read_answers(
    fields: Sequence[FormField], raw: Mapping[str, RawAnswer], phone_region: str
) -> list[Answer]:
    """Every field's answer as stored (None when left empty), in the form's order."""
    answers, details = [], []
    for field in fields:
        try:
            value = read_one(field, raw.get(field.key), phone_region)
        except Refused as error:
            details.append({"field": field.key, "message": str(error)})
            continue
        answers.append(Answer(key=field.key, label=field.label, kind=field.kind, value=value))
    if details:
        names = ", ".join(detail["field"] for detail in details)
        raise InvalidAnswers(f"Some answers are invalid: {names}.", details=details)
    return answers


def read_one(field: FormField, raw: RawAnswer, phone_region: str) -> Any:
    values = [item.strip() for item in ([raw] if isinstance(raw, str) else raw or [])]
    values = [item for item in values if item]
    if field.kind is FieldKind.MULTI_SELECT:
        return chosen(field, values)
    if len(values) > 1:
        raise Refused("expected one value")
    value = values[0] if values else (field.default if field.kind is FieldKind.HIDDEN else None)
    if field.kind in (FieldKind.CHECKBOX, FieldKind.CONSENT):
        return checked(field, value)
    if value is None:
        if field.required:
            raise Refused("required")
        return None
    if problem := storable(value):
        raise Refused(problem)
    return READERS[field.kind](field, value, phone_region)


def chosen(field: FormField, values: list[str]) -> list[str] | None:
    if not values:
        if field.required:
            raise Refused("choose at least one")
        return None
    if unknown := [value for value in values if value not in field.options]:
        raise Refused(f"not among the options: {', '.join(unknown)}")
    return list(dict.fromkeys(values))


def checked(field: FormField, value: str | None) -> bool:
    word = (value or "").lower()
    if word not in TRUE | FALSE:
        raise Refused("expected true or false")
    if field.required and word not in TRUE:
        raise Refused(
            "must be checked" if field.kind is FieldKind.CHECKBOX else "must be agreed to"
        )
    return word in TRUE


def text(field: FormField, value: str, _: str) -> str:
    rules = field.rules
    if len(value) > (rules.max_length or MAX_TEXT):
        raise Refused(f"at most {rules.max_length or MAX_TEXT} characters")
    if rules.min_length and len(value) < rules.min_length:
        raise Refused(f"at least {rules.min_length} characters")
    if rules.pattern and not compiled(rules.pattern).fullmatch(value):
        raise Refused("does not have the expected form")
    return value


@lru_cache(maxsize=1024)
def compiled(pattern: str) -> Any:
    # RE2 matches in linear time: a pattern from the builder cannot make a visitor's answer
    # take forever (no catastrophic backtracking).
    return re2.compile(pattern)


def an_email(field: FormField, value: str, region: str) -> str:
    try:
        return email(text(field, value, region))
    except ValueError:
        raise Refused("not a valid email address") from None


def a_phone(field: FormField, value: str, region: str) -> str:
    try:
        number = phonenumbers.parse(text(field, value, region), region.upper())
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise Refused("not a valid phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def a_number(field: FormField, value: str, _: str) -> int | float:
    if len(value) > 64 or not DECIMAL.fullmatch(value):
        raise Refused("expected a number")
    number = int(value) if value.lstrip("+-").isdigit() else float(value)
    if not math.isfinite(number) or storable(number):
        raise Refused("expected a number of a reasonable size")
    if field.rules.min is not None and number < field.rules.min:
        raise Refused(f"at least {field.rules.min:g}")
    if field.rules.max is not None and number > field.rules.max:
        raise Refused(f"at most {field.rules.max:g}")
    return number


def an_option(field: FormField, value: str, _: str) -> str:
    if value not in field.options:
        raise Refused(f"not among the options: {value}")
    return value


def a_date(field: FormField, value: str, _: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise Refused("expected a date as YYYY-MM-DD") from None


READERS: dict[FieldKind, Callable[[FormField, str, str], Any]] = {
    FieldKind.TEXT: text,
    FieldKind.HIDDEN: text,
    FieldKind.EMAIL: an_email,
    FieldKind.PHONE: a_phone,
    FieldKind.NUMBER: a_number,
    FieldKind.SELECT: an_option,
    FieldKind.DATE: a_date,
}
