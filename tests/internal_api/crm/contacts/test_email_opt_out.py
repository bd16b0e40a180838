"""A contact's consent to marketing email: off when unsubscribed through the API, kept and
logged (its email lists then unsubscribe the member); a value that is not a yes or no is
refused, the contact unchanged."""

from shared.models.contact import Contact
from tests.factories import create_signed_in
from tests.internal_api.crm.contacts.requests import CONTACTS, create_contact, patch_contact


async def test_an_unsubscribe_is_kept_and_logged(api):
    owner = await create_signed_in()
    contact = await create_contact(api, owner, last_name="Lovelace")

    response = await patch_contact(api, owner, contact["id"], email_opt_out=True)

    assert response.json()["email_opt_out"] is True
    assert (await Contact.get(contact["id"])).email_opt_out is True
    history = await api.get(f"{CONTACTS}/{contact['id']}/activities", headers=owner.headers)
    assert history.json()["data"][0]["changes"] == [
        {"field": "email_opt_out", "old": False, "new": True}
    ]


async def test_an_opt_out_that_is_not_true_or_false_is_refused(api):
    owner = await create_signed_in()
    contact = await create_contact(api, owner, last_name="Lovelace")

    response = await patch_contact(api, owner, contact["id"], email_opt_out="maybe")

    assert response.status_code == 422
    assert (await Contact.get(contact["id"])).email_opt_out is False
