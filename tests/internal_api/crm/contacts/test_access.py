"""Who may do what to contacts: scopes, record-level visibility, and other accounts (404)."""

import pytest
from beanie import PydanticObjectId

from shared.models.contact import Contact
from shared.models.membership import Role
from tests.factories import create_account, create_signed_in
from tests.factories import create_contact as store_contact
from tests.internal_api.crm.contacts.requests import CONTACTS, patch_contact, post_contact


@pytest.fixture
async def foreign_contact(mongo) -> Contact:
    """A contact of another account."""
    return await store_contact(await create_account(name="Other"), first_name="Theirs")


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "", None),
        ("PATCH", "", {"last_name": "Mine"}),
        ("DELETE", "", None),
        ("POST", "/restore", None),
        ("GET", "/activities", None),
    ],
)
async def test_another_accounts_contact_answers_404(api, foreign_contact, method, path, body):
    owner = await create_signed_in()

    response = await api.request(
        method, f"{CONTACTS}/{foreign_contact.id}{path}", json=body, headers=owner.headers
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert (await Contact.get(foreign_contact.id)).last_name is None


async def test_merging_another_accounts_contact_answers_404(api, foreign_contact):
    owner = await create_signed_in()
    mine = await store_contact(owner.account)

    response = await api.post(
        f"{CONTACTS}/{mine.id}/merge",
        json={"contact_id": str(foreign_contact.id)},
        headers=owner.headers,
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert (await Contact.get(foreign_contact.id)).deleted_at is None


async def test_merging_into_another_accounts_contact_answers_404(api, foreign_contact):
    owner = await create_signed_in()
    mine = await store_contact(owner.account)

    response = await api.post(
        f"{CONTACTS}/{foreign_contact.id}/merge",
        json={"contact_id": str(mine.id)},
        headers=owner.headers,
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_linking_another_accounts_business_answers_404(api):
    owner = await create_signed_in()
    theirs = await store_contact(await create_account(), type="business", name="Theirs")

    response = await post_contact(api, owner, business_id=str(theirs.id))

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_an_owner_from_another_account_answers_404_on_create(api):
    owner = await create_signed_in()
    stranger = await create_signed_in()

    response = await post_contact(api, owner, owner_id=str(stranger.user.id))

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_account_users"


@pytest.mark.parametrize("action", ["delete", "tag", "untag"])
async def test_bulk_changes_with_another_accounts_contact_answer_404_and_change_nothing(
    api, foreign_contact, action
):
    owner = await create_signed_in()
    mine = await store_contact(owner.account)
    body = {"ids": [str(mine.id), str(foreign_contact.id)]}
    if action != "delete":
        body["tags"] = ["vip"]

    response = await api.post(f"{CONTACTS}/bulk-{action}", json=body, headers=owner.headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert response.json()["error"]["details"] == [
        {"field": "body.ids", "id": str(foreign_contact.id)}
    ]
    stored = await Contact.get(mine.id)
    assert (stored.deleted_at, stored.tags) == (None, [])


async def test_another_accounts_contacts_are_never_listed(api, foreign_contact):
    owner = await create_signed_in()

    response = await api.get(CONTACTS, headers=owner.headers)

    assert response.json()["data"] == []


async def test_the_email_of_another_accounts_contact_is_free(api, foreign_contact):
    owner = await create_signed_in()

    response = await post_contact(api, owner, emails=foreign_contact.emails)

    assert response.status_code == 201
    assert (await Contact.get(response.json()["id"])).emails == foreign_contact.emails


@pytest.fixture
async def restricted(mongo):
    """An account whose members see only what they own or follow: its owner and a member."""
    account = await create_account(restrict_members_to_own_records=True)
    return await create_signed_in(account), await create_signed_in(account, Role.MEMBER)


async def test_a_restricted_member_lists_only_their_own_and_followed_contacts(api, restricted):
    owner, member = restricted
    await store_contact(owner.account, first_name="Owned", owner_id=member.user.id)
    await store_contact(owner.account, first_name="Followed", follower_ids=[member.user.id])
    await store_contact(owner.account, first_name="Hidden", owner_id=owner.user.id)

    response = await api.get(CONTACTS, params={"sort": "created_at"}, headers=member.headers)

    assert [c["first_name"] for c in response.json()["data"]] == ["Owned", "Followed"]


async def test_a_contact_hidden_from_a_member_answers_404(api, restricted):
    owner, member = restricted
    hidden = await store_contact(owner.account, owner_id=owner.user.id)

    response = await patch_contact(api, member, hidden.id, last_name="Mine")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_a_restricted_member_sees_the_contacts_they_create(api, restricted):
    _, member = restricted
    created = (await post_contact(api, member)).json()

    response = await api.get(f"{CONTACTS}/{created['id']}", headers=member.headers)

    assert response.status_code == 200
    assert response.json()["owner_id"] == str(member.user.id)


async def test_a_hidden_business_cannot_be_linked_by_a_restricted_member(api, restricted):
    owner, member = restricted
    business = await store_contact(owner.account, type="business", name="Acme")

    response = await post_contact(api, member, business_id=str(business.id))

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_reading_contacts_needs_the_read_scope(api):
    owner = await create_signed_in()
    await owner.membership.set(
        {"scopes": [s for s in owner.membership.scopes if s != "contacts:read"]}
    )

    response = await api.get(CONTACTS, headers=owner.headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert response.json()["error"]["details"] == [{"scope": "contacts:read"}]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", ""),
        ("PATCH", "/{id}"),
        ("DELETE", "/{id}"),
        ("POST", "/{id}/restore"),
        ("POST", "/{id}/merge"),
        ("POST", "/bulk-delete"),
        ("POST", "/bulk-tag"),
        ("POST", "/bulk-untag"),
    ],
)
async def test_changing_contacts_needs_the_write_scope(api, method, path):
    client = await create_signed_in(role=Role.CLIENT)
    contact = await store_contact(client.account)
    body = {"first_name": "Ada", "ids": [str(contact.id)], "tags": ["x"], "contact_id": "x"}

    response = await api.request(
        method, CONTACTS + path.format(id=contact.id), json=body, headers=client.headers
    )

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert response.json()["error"]["details"] == [{"scope": "contacts:write"}]


async def test_a_client_may_read_contacts(api):
    client = await create_signed_in(role=Role.CLIENT)
    contact = await store_contact(client.account)

    response = await api.get(f"{CONTACTS}/{contact.id}", headers=client.headers)

    assert response.status_code == 200
    assert response.json()["id"] == str(contact.id)


async def test_a_malformed_id_answers_404(api):
    owner = await create_signed_in()

    response = await api.get(f"{CONTACTS}/not-an-id", headers=owner.headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_an_unknown_id_answers_404(api):
    owner = await create_signed_in()

    response = await api.get(f"{CONTACTS}/{PydanticObjectId()}", headers=owner.headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
