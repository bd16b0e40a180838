"""POST /v1/crm/contacts: people and businesses, normalised and validated."""

from shared.models.contact import Contact
from shared.models.crm_tag import CrmTag
from shared.models.membership import Role
from tests.factories import create_contact as store_contact
from tests.factories import create_signed_in
from tests.internal_api.crm.contacts.requests import (
    create_contact,
    create_custom_field,
    error_fields,
    post_contact,
)


async def test_a_person_is_created_owned_by_its_creator(api):
    owner = await create_signed_in()

    response = await post_contact(api, owner, first_name="Ada", last_name="Lovelace")

    assert response.status_code == 201
    contact = response.json()
    assert (contact["type"], contact["display_name"]) == ("person", "Ada Lovelace")
    assert contact["owner_id"] == str(owner.user.id)
    assert contact["deleted_at"] is None


async def test_a_business_is_created_with_its_name(api):
    owner = await create_signed_in()

    response = await post_contact(api, owner, type="business", first_name=None, name="Acme")

    assert response.status_code == 201
    assert response.json()["display_name"] == "Acme"


async def test_a_person_without_a_name_answers_422(api):
    owner = await create_signed_in()

    response = await post_contact(api, owner, first_name=None, emails=["a@example.com"])

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert error_fields(response) == {"body.first_name"}


async def test_a_business_without_a_name_answers_422(api):
    owner = await create_signed_in()

    response = await post_contact(api, owner, type="business", first_name=None)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert error_fields(response) == {"body.name"}


async def test_emails_are_lower_cased_and_kept_once(api):
    owner = await create_signed_in()

    contact = await create_contact(api, owner, emails=["Ada@Example.COM", "ada@example.com"])

    assert contact["emails"] == ["ada@example.com"]


async def test_a_malformed_email_answers_422_naming_it(api):
    owner = await create_signed_in()

    response = await post_contact(api, owner, emails=["ok@example.com", "not-an-email"])

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert error_fields(response) == {"body.emails.1"}


async def test_an_email_of_another_live_contact_answers_409_naming_it(api):
    owner = await create_signed_in()
    holder = await store_contact(owner.account, emails=["ada@example.com"])

    response = await post_contact(api, owner, emails=["ADA@example.com"])

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "email_taken"
    assert response.json()["error"]["details"] == [
        {"field": "body.emails", "contact_id": str(holder.id), "emails": ["ada@example.com"]}
    ]


async def test_the_same_email_in_another_account_is_no_duplicate(api):
    owner = await create_signed_in()
    await store_contact((await create_signed_in()).account, emails=["ada@example.com"])

    response = await post_contact(api, owner, emails=["ada@example.com"])

    assert response.status_code == 201
    assert (await Contact.get(response.json()["id"])).account_id == owner.account.id


async def test_phones_are_stored_in_e164_read_in_the_default_region(api):
    owner = await create_signed_in()

    contact = await create_contact(api, owner, phones=["(415) 555-2671", "+44 20 7946 0018"])

    assert contact["phones"] == ["+14155552671", "+442079460018"]


async def test_phones_are_read_in_the_country_of_the_address(api):
    owner = await create_signed_in()

    contact = await create_contact(api, owner, phones=["06 12 34 56 78"], address={"country": "fr"})

    assert contact["phones"] == ["+33612345678"]
    assert contact["address"]["country"] == "FR"


async def test_an_invalid_phone_answers_422_naming_it(api):
    owner = await create_signed_in()

    response = await post_contact(api, owner, phones=["+14155552671", "12"])

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert error_fields(response) == {"body.phones.1"}


async def test_a_malformed_website_answers_422(api):
    owner = await create_signed_in()

    response = await post_contact(api, owner, website="not a url")

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert error_fields(response) == {"body.website"}


async def test_the_owner_and_followers_may_be_any_members(api):
    owner = await create_signed_in()
    member = await create_signed_in(owner.account, Role.MEMBER)

    contact = await create_contact(
        api, owner, owner_id=str(member.user.id), follower_ids=[str(owner.user.id)]
    )

    assert contact["owner_id"] == str(member.user.id)
    assert contact["follower_ids"] == [str(owner.user.id)]


async def test_a_follower_who_is_not_a_member_answers_404_naming_them(api):
    owner = await create_signed_in()
    stranger = await create_signed_in()

    response = await post_contact(api, owner, follower_ids=[str(stranger.user.id)])

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_account_users"
    assert response.json()["error"]["details"] == [
        {"field": "body.follower_ids", "id": str(stranger.user.id)}
    ]


async def test_new_tags_are_created_for_the_account(api):
    owner = await create_signed_in()

    contact = await create_contact(api, owner, tags=["vip", "lead", "vip"])

    assert contact["tags"] == ["vip", "lead"]
    names = {tag.name for tag in await CrmTag.find({"account_id": owner.account.id}).to_list()}
    assert names == {"vip", "lead"}


async def test_a_person_is_linked_to_a_business_of_the_account(api):
    owner = await create_signed_in()
    business = await create_contact(api, owner, type="business", first_name=None, name="Acme")

    person = await create_contact(api, owner, business_id=business["id"])

    assert (person["business_id"], person["company_name"]) == (business["id"], "Acme")


async def test_a_person_cannot_be_linked_to_another_person(api):
    owner = await create_signed_in()
    other = await create_contact(api, owner)

    response = await post_contact(api, owner, business_id=other["id"])

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "not_a_business"
    assert error_fields(response) == {"body.business_id"}


async def test_a_business_cannot_be_linked_to_a_business(api):
    owner = await create_signed_in()
    acme = await create_contact(api, owner, type="business", first_name=None, name="Acme")

    response = await post_contact(
        api, owner, type="business", first_name=None, name="Sub", business_id=acme["id"]
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert error_fields(response) == {"body.business_id"}


async def test_custom_values_are_stored_by_key(api):
    owner = await create_signed_in()
    await create_custom_field(api, owner, key="plan", type="select", options=["gold", "silver"])
    await create_custom_field(api, owner, key="seats", type="number")

    contact = await create_contact(api, owner, custom={"plan": "gold", "seats": 12})

    assert contact["custom"] == {"plan": "gold", "seats": 12}


async def test_an_unknown_custom_field_answers_422_naming_it(api):
    owner = await create_signed_in()

    response = await post_contact(api, owner, custom={"nickname": "Ada"})

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert error_fields(response) == {"body.custom.nickname"}
    assert "custom.nickname" in response.json()["error"]["message"]


async def test_custom_values_of_the_wrong_type_answer_422_naming_each(api):
    owner = await create_signed_in()
    await create_custom_field(api, owner, key="plan", type="select", options=["gold"])
    await create_custom_field(api, owner, key="seats", type="number")
    await create_custom_field(api, owner, key="renewal", type="date")
    await create_custom_field(api, owner, key="colours", type="multi_select", options=["red"])
    await create_custom_field(api, owner, key="notes", type="text")
    bad = {"plan": "bronze", "seats": "12", "renewal": "soon", "colours": "red", "notes": 3}

    response = await post_contact(api, owner, custom=bad)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert error_fields(response) == {f"body.custom.{key}" for key in bad}


async def test_an_unknown_field_answers_422_naming_it_and_nothing_is_stored(api):
    owner = await create_signed_in()

    response = await post_contact(api, owner, fist_name="Ada")

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert error_fields(response) == {"body.fist_name"}
    assert await Contact.find({"account_id": owner.account.id}).count() == 0
