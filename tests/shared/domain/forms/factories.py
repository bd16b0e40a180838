"""Forms for tests, stored as the builder would store them, and their fields."""

from shared.models.account import Account
from shared.models.form import FieldKind, Form, FormField, FormStep, FormVersion


def field(key: str, kind: FieldKind = FieldKind.TEXT, **overrides) -> FormField:
    return FormField(
        **{"key": key, "kind": kind, "label": key.replace("_", " ").title(), **overrides}
    )


def contact_fields() -> list[FormField]:
    """A name, an email and a phone, each mapped to the contact."""
    return [
        field("name", maps_to="full_name"),
        field("email", FieldKind.EMAIL, maps_to="emails"),
        field("phone", FieldKind.PHONE, maps_to="phones"),
    ]


async def create_form(account: Account, *fields: FormField, **overrides) -> Form:
    """A one-step form of these fields (a name, an email and a phone by default), with its
    first version's snapshot."""
    steps = [FormStep(fields=list(fields) or contact_fields())]
    form = await Form(
        **{"account_id": account.id, "name": "Contact us", "steps": steps, **overrides}
    ).insert()
    await FormVersion(
        account_id=account.id, form_id=form.id, number=form.version, steps=form.steps
    ).insert()
    return form
