"""Each field normalised alone, without the database: what one write and a batch share."""

import pytest

from shared.domain.contacts.normalising import Context, normalised
from shared.models.contact import Address, Contact, ContactType
from shared.models.custom_field import CustomField, CustomFieldType
from shared.utilities.errors import InvalidInput

ACCOUNT = "665f1c2b9d1e4a0012345678"


@pytest.fixture
def us(mongo) -> Context:
    """The US, with the account's custom fields (documents: made once Beanie is set up)."""
    plan = CustomField(
        account_id=ACCOUNT, key="plan", label="Plan", type=CustomFieldType.SELECT, options=["gold"]
    )
    seats = CustomField(account_id=ACCOUNT, key="seats", label="Seats", type=CustomFieldType.NUMBER)
    return Context(phone_region="US", custom_fields={"plan": plan, "seats": seats})


def problems(fields: dict, context: Context) -> dict[str, str]:
    with pytest.raises(InvalidInput) as raised:
        normalised(fields, context)
    return {detail["field"]: detail["message"] for detail in raised.value.details}


def test_emails_are_trimmed_lower_cased_and_kept_once(us):
    values = normalised({"emails": [" Ada@Example.COM", "ada@example.com"]}, us)

    assert values == {"emails": ["ada@example.com"]}


def test_phones_are_stored_in_e164_read_in_the_contexts_region(us):
    values = normalised({"phones": ["(415) 555-2671", "+44 20 7946 0018"]}, us)

    assert values["phones"] == ["+14155552671", "+442079460018"]


def test_phones_are_read_in_the_country_of_the_address_given(us):
    values = normalised({"phones": ["06 12 34 56 78"], "address": {"country": "fr"}}, us)

    assert values["phones"] == ["+33612345678"]
    assert values["address"] == Address(country="FR")


def test_phones_are_read_in_the_country_of_the_contacts_address_when_none_is_given(us):
    current = Contact(account_id=ACCOUNT, address=Address(country="FR"))

    values = normalised({"phones": ["06 12 34 56 78"]}, us, current)

    assert values["phones"] == ["+33612345678"]


def test_every_bad_value_is_named_by_its_plain_path_at_once(us):
    found = problems(
        {
            "emails": ["ok@example.com", "not-an-email"],
            "phones": ["+14155552671", "12"],
            "website": "not a url",
            "custom": {"plan": "bronze", "nickname": "Ada"},
            "owner_id": "42",
        },
        us,
    )

    assert set(found) == {
        "emails.1",
        "phones.1",
        "website",
        "custom.plan",
        "custom.nickname",
        "owner_id",
    }
    assert found["custom.nickname"] == "unknown custom field"


def test_custom_values_are_checked_against_their_definitions(us):
    values = normalised({"custom": {"plan": "gold", "seats": 12}}, us)

    assert values["custom"] == {"plan": "gold", "seats": 12}


def test_a_custom_number_past_what_mongodb_stores_is_refused(us):
    assert problems({"custom": {"seats": 2**63}}, us) == {
        "custom.seats": "is out of range (64-bit integers)"
    }


def test_text_is_trimmed_and_empty_text_is_none(us):
    assert normalised({"first_name": "  Ada ", "last_name": " "}, us) == {
        "first_name": "Ada",
        "last_name": None,
    }


def test_control_characters_in_text_are_refused(us):
    assert problems({"first_name": "Ada\x00"}, us) == {
        "first_name": "must not contain control characters"
    }


def test_tags_are_trimmed_and_kept_once(us):
    assert normalised({"tags": [" vip", "vip", "lead "]}, us) == {"tags": ["vip", "lead"]}


def test_a_null_type_leaves_the_type_as_it_is(us):
    assert normalised({"type": None}, us) == {}
    assert normalised({"type": "business"}, us) == {"type": ContactType.BUSINESS}


def test_an_unknown_field_is_refused_naming_it(us):
    assert problems({"fist_name": "Ada"}, us) == {"fist_name": "unknown field"}
