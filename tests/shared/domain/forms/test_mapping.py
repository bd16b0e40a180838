"""Where a field's answer may go on the contact, and the contact fields answers make."""

import pytest
from beanie import PydanticObjectId

from shared.domain.forms.mapping import contact_draft, mapping_problem
from shared.models.custom_field import CustomField, CustomFieldType
from shared.models.form import FieldKind
from shared.models.form_submission import Answer
from tests.shared.domain.forms.factories import field

K = FieldKind
ACCOUNT = PydanticObjectId()
CUSTOM = {
    "plan": CustomField.model_construct(
        account_id=ACCOUNT,
        key="plan",
        label="Plan",
        type=CustomFieldType.SELECT,
        options=["basic", "pro"],
    ),
    "seats": CustomField.model_construct(
        account_id=ACCOUNT, key="seats", label="Seats", type=CustomFieldType.NUMBER
    ),
}


@pytest.mark.parametrize(
    "form_field",
    [
        field("name", maps_to="full_name"),
        field("email", K.EMAIL, maps_to="emails"),
        field("city", maps_to="address.city"),
        field("site", K.HIDDEN, maps_to="website"),
        field("plan", K.SELECT, options=["pro"], maps_to="custom.plan"),
        field("seats", K.NUMBER, maps_to="custom.seats"),
        field("note"),
    ],
    ids=lambda form_field: form_field.maps_to or "unmapped",
)
def test_a_field_maps_to_a_contact_field_that_takes_its_kind(form_field):
    assert mapping_problem(form_field, CUSTOM) is None


@pytest.mark.parametrize(
    ("form_field", "problem"),
    [
        (field("x", maps_to="nickname"), "nickname is not a contact field"),
        (field("x", maps_to="emails"), "emails takes a field of kind email"),
        (field("x", K.NUMBER, maps_to="first_name"), "first_name takes a field of kind"),
        (field("x", maps_to="custom.missing"), "no custom field has the key missing"),
        (field("x", maps_to="custom.seats"), "custom.seats takes a field of kind number"),
        (
            field("x", K.SELECT, options=["gold"], maps_to="custom.plan"),
            "options the custom field does not have: gold",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_a_mapping_the_contact_cannot_take_is_named(form_field, problem):
    assert mapping_problem(form_field, CUSTOM).startswith(problem)


def test_answers_make_the_contact_fields_their_fields_map_to():
    fields = [
        field("name", maps_to="full_name"),
        field("email", K.EMAIL, maps_to="emails"),
        field("city", maps_to="address.city"),
        field("plan", K.SELECT, options=["pro"], maps_to="custom.plan"),
        field("note"),
    ]
    values = {"name": "Ada King", "email": "ada@example.com", "city": "Paris", "plan": "pro"}
    answers = [
        Answer(key=key, label=key, kind=K.TEXT, value=value) for key, value in values.items()
    ]

    draft = contact_draft(fields, answers)

    assert (draft.first_name, draft.last_name, draft.email, draft.phone) == (
        "Ada",
        "King",
        "ada@example.com",
        None,
    )
    assert draft.more == {"address": {"city": "Paris"}, "custom": {"plan": "pro"}}
    assert (draft.source_of("last_name"), draft.source_of("emails.0")) == ("name", "email")
