"""Where a field's answer goes on the contact, named as the contacts API names its fields:
`first_name`, `last_name`, `full_name` (split in two), `emails`, `phones`, `website`,
`address.<part>`, or `custom.<key>` (one of the account's custom fields). A target takes
answers of some kinds only (an email field for `emails`, a number field for a number custom
field, ...), and each target is written by one field of a form at most.

    problem = mapping_problem(field, custom_fields)          # the builder's check
    draft = contact_draft(form.fields, answers)              # a submission's contact fields
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from shared.domain.contacts.callers import names_of
from shared.domain.contacts.normalising import ADDRESS_PARTS
from shared.models.custom_field import SELECT_TYPES, CustomField, CustomFieldType
from shared.models.form import FieldKind, FormField
from shared.models.form_submission import Answer

CUSTOM, ADDRESS = "custom.", "address."
WORDS = frozenset({FieldKind.TEXT, FieldKind.HIDDEN, FieldKind.SELECT})
TARGET_KINDS: dict[str, frozenset[FieldKind]] = {
    "first_name": WORDS,
    "last_name": WORDS,
    "full_name": WORDS,
    "emails": frozenset({FieldKind.EMAIL}),
    "phones": frozenset({FieldKind.PHONE}),
    "website": frozenset({FieldKind.TEXT, FieldKind.HIDDEN}),
    **{f"{ADDRESS}{part}": WORDS for part in ADDRESS_PARTS},
}
CUSTOM_KINDS: dict[CustomFieldType, frozenset[FieldKind]] = {
    CustomFieldType.TEXT: WORDS | {FieldKind.EMAIL, FieldKind.PHONE},
    CustomFieldType.NUMBER: frozenset({FieldKind.NUMBER}),
    CustomFieldType.DATE: frozenset({FieldKind.DATE}),
    CustomFieldType.SELECT: frozenset({FieldKind.SELECT}),
    CustomFieldType.MULTI_SELECT: frozenset({FieldKind.MULTI_SELECT}),
}


def custom_key(target: str | None) -> str | None:
    return target.removeprefix(CUSTOM) if target and target.startswith(CUSTOM) else None


def mapping_problem(form_field: FormField, custom_fields: Mapping[str, CustomField]) -> str | None:
    """Why the field's answers cannot be written where it maps to, or None when they can.
    `custom_fields` are the account's definitions by key."""
    target = form_field.maps_to
    if target is None:
        return None
    if (key := custom_key(target)) is not None:
        definition = custom_fields.get(key)
        if definition is None:
            return f"no custom field has the key {key}"
        unknown = set(form_field.options) - set(definition.options)
        if definition.type in SELECT_TYPES and unknown:
            return f"options the custom field does not have: {', '.join(sorted(unknown))}"
        kinds = CUSTOM_KINDS[definition.type]
    elif target in TARGET_KINDS:
        kinds = TARGET_KINDS[target]
    else:
        return f"{target} is not a contact field ({', '.join(TARGET_KINDS)} or custom.<key>)"
    if form_field.kind not in kinds:
        return f"{target} takes a field of kind {' or '.join(sorted(kinds))}"
    return None


@dataclass
class ContactDraft:
    """The contact fields a submission's answers make (as `contact_for` takes them), and for
    each (by its path: `emails`, `address.city`, `custom.plan`) the key of the field it came
    from, so a problem with it names the field."""

    email: str | None = None
    phone: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    more: dict[str, Any] = field(default_factory=dict)  # website, address, custom
    sources: dict[str, str] = field(default_factory=dict)

    def as_contact_fields(self) -> dict[str, Any]:
        """As the contacts API names them, for normalising."""
        names = {"first_name": self.first_name, "last_name": self.last_name}
        addresses = {"emails": [self.email] if self.email else []}
        addresses["phones"] = [self.phone] if self.phone else []
        return {**names, **addresses, **self.more}

    def source_of(self, path: str) -> str | None:
        """The field a contact field's path (`emails.0`, `address.city`) came from."""
        parts = path.split(".")
        for length in range(len(parts), 0, -1):
            if found := self.sources.get(".".join(parts[:length])):
                return found
        return None

    def without_custom(self, key: str) -> None:
        self.more.get("custom", {}).pop(key, None)


def contact_draft(fields: Sequence[FormField], answers: Sequence[Answer]) -> ContactDraft:
    values = {answer.key: answer.value for answer in answers}
    draft = ContactDraft()
    for form_field in fields:
        target, value = form_field.maps_to, values.get(form_field.key)
        if target is None or value is None:
            continue
        draft.sources[target] = form_field.key
        if target == "full_name":
            draft.sources |= dict.fromkeys(("first_name", "last_name"), form_field.key)
            named = names_of(value)
            draft.first_name = draft.first_name or named.get("first_name")
            draft.last_name = draft.last_name or named.get("last_name")
        elif target in ("first_name", "last_name"):
            setattr(draft, target, value)
        elif target in ("emails", "phones"):
            setattr(draft, target.removesuffix("s"), value)
        elif target.startswith(ADDRESS):
            draft.more.setdefault("address", {})[target.removeprefix(ADDRESS)] = value
        elif (key := custom_key(target)) is not None:
            draft.more.setdefault("custom", {})[key] = value
        else:
            draft.more[target] = value
    return draft
