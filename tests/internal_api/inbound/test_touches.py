"""GET /v1/inbound/contacts/{id}/touches: how a contact reached the account, first and last,
and how often; another account's contact answers 404 like a missing one."""

from datetime import UTC, datetime

import pytest
from beanie import PydanticObjectId

from shared.models.lead import LeadSource
from shared.models.membership import Role
from tests.factories import create_account, create_contact, create_lead, create_signed_in


def touches_of(contact_id) -> str:
    return f"/v1/inbound/contacts/{contact_id}/touches"


async def test_a_contacts_first_and_last_touch_and_their_count(api):
    owner = await create_signed_in()
    contact = await create_contact(owner.account, first_name="Ada", last_name="King")
    first = await create_lead(
        contact,
        source=LeadSource.FACEBOOK,
        new_contact=True,
        created_at=datetime(2026, 1, 5, tzinfo=UTC),
    )
    await create_lead(contact, source=LeadSource.SMS, created_at=datetime(2026, 2, 1, tzinfo=UTC))
    last = await create_lead(
        contact, source=LeadSource.FORM, created_at=datetime(2026, 3, 9, tzinfo=UTC)
    )
    await create_lead(await create_contact(owner.account))  # someone else's

    response = await api.get(touches_of(contact.id), headers=owner.headers)

    assert response.status_code == 200
    body = response.json()
    assert (body["contact_id"], body["count"]) == (str(contact.id), 3)
    assert (body["first"]["id"], body["first"]["source"], body["first"]["new_contact"]) == (
        str(first.id),
        "facebook",
        True,
    )
    assert (body["last"]["id"], body["last"]["source"]) == (str(last.id), "form")
    assert body["last"]["contact_name"] == "Ada King"


async def test_a_contact_who_never_reached_out_has_no_touch(api):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)

    response = await api.get(touches_of(contact.id), headers=owner.headers)

    assert response.json() == {
        "contact_id": str(contact.id),
        "count": 0,
        "first": None,
        "last": None,
    }


@pytest.mark.parametrize("whose", ["another account's", "missing", "not an id"])
async def test_another_accounts_or_a_missing_contact_answers_404(api, whose):
    owner = await create_signed_in()
    theirs = await create_contact(await create_account())
    await create_lead(theirs)
    contact_id = {
        "another account's": theirs.id,
        "missing": PydanticObjectId(),
        "not an id": "nope",
    }[whose]

    response = await api.get(touches_of(contact_id), headers=owner.headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_a_contact_hidden_from_a_restricted_member_answers_404(api):
    account = await create_account(restrict_members_to_own_records=True)
    member = await create_signed_in(account, Role.MEMBER)
    hidden = await create_contact(account)
    await create_lead(hidden)

    response = await api.get(touches_of(hidden.id), headers=member.headers)

    assert response.status_code == 404
