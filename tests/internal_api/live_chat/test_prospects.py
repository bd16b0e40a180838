"""POST /v1/live-chat/prospect-contacts: the general socket (with its service token) turns a
visitor who left a new email into a contact of the widget's account; an email a contact holds
gives nothing back (the visitor may not be that contact)."""

import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from shared.models.contact import Contact
from shared.models.crm_log import CrmLog
from shared.utilities.auth import authenticator_for, service_token
from tests.factories import create_account, create_contact, create_signed_in

URL = "/v1/live-chat/prospect-contacts"


@pytest.fixture
async def api(client_for, mongo):
    settings = InternalApiSettings()
    token = service_token(authenticator_for(settings), "general_socket", "internal_api")
    async with client_for(
        create_app(settings), headers={"authorization": f"Bearer {token}"}
    ) as client:
        yield client


async def test_a_new_email_becomes_a_person_from_live_chat(api):
    account = await create_account()

    response = await api.post(
        URL, json={"account_id": str(account.id), "email": "Ada@Example.com", "name": "Ada King"}
    )

    assert response.status_code == 201
    contact = await Contact.get(response.json()["contact_id"])
    assert (contact.account_id, contact.first_name, contact.last_name) == (
        account.id,
        "Ada",
        "King",
    )
    assert (contact.emails, contact.source) == (["ada@example.com"], "live_chat")
    assert "ada" in contact.search_terms
    assert await CrmLog.find({"entity_id": contact.id, "action": "created"}).count() == 1


async def test_an_email_a_live_contact_holds_gives_no_contact_back(api):
    account = await create_account()
    await create_contact(account, emails=["ada@example.com"])

    response = await api.post(URL, json={"account_id": str(account.id), "email": "ada@example.com"})

    assert response.status_code == 200
    assert response.json() == {"contact_id": None, "created": False}
    assert await Contact.find_all().count() == 1


async def test_the_same_email_in_another_account_makes_a_contact_there(api):
    account = await create_account()
    await create_contact(await create_account(), emails=["ada@example.com"])

    response = await api.post(URL, json={"account_id": str(account.id), "email": "ada@example.com"})

    assert response.json()["created"] is True


async def test_a_deleted_contact_with_the_email_is_not_reused(api):
    account = await create_account()
    deleted = await create_contact(account, emails=["ada@example.com"])
    await deleted.set({"deleted_at": deleted.created_at})

    response = await api.post(URL, json={"account_id": str(account.id), "email": "ada@example.com"})

    assert response.json()["contact_id"] != str(deleted.id)


async def test_without_a_name_the_email_names_the_person(api):
    account = await create_account()

    response = await api.post(URL, json={"account_id": str(account.id), "email": "grace@x.io"})

    assert (await Contact.get(response.json()["contact_id"])).first_name == "grace"


async def test_a_bad_email_answers_422_and_creates_nothing(api):
    account = await create_account()

    response = await api.post(URL, json={"account_id": str(account.id), "email": "nope"})

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.email"
    assert await Contact.find_all().count() == 0


async def test_a_user_token_is_refused(api):
    signed_in = await create_signed_in()

    response = await api.post(
        URL,
        json={"account_id": str(signed_in.account.id), "email": "ada@example.com"},
        headers=signed_in.headers,
    )

    assert response.status_code == 401
    assert await Contact.find_all().count() == 0
