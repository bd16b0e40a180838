"""GET /v1/crm/contacts and POST /v1/crm/contacts/search: paging, search and filters."""

import pytest

from tests.factories import create_contact as store_contact
from tests.factories import create_signed_in
from tests.internal_api.crm.contacts.requests import (
    CONTACTS,
    create_contact,
    create_custom_field,
    error_fields,
    list_contacts,
)


def names(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [contact["display_name"] for contact in response.json()["data"]]


async def test_contacts_are_listed_newest_first_a_page_at_a_time(api):
    owner = await create_signed_in()
    for name in ("Ada", "Grace", "Hedy"):
        await store_contact(owner.account, first_name=name)

    response = await list_contacts(api, owner, limit=2)

    assert names(response) == ["Hedy", "Grace"]
    assert response.json()["pagination"] == {"page": 1, "limit": 2, "total": 3, "next_page": 2}


async def test_contacts_are_sorted_by_a_field(api):
    owner = await create_signed_in()
    for name in ("Grace", "Ada"):
        await store_contact(owner.account, first_name=name)

    assert names(await list_contacts(api, owner, sort="first_name")) == ["Ada", "Grace"]


async def test_sorting_by_an_unknown_field_answers_422_naming_the_sort(api):
    owner = await create_signed_in()

    response = await list_contacts(api, owner, sort="shoe_size")

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert error_fields(response) == {"query.sort"}


async def test_people_and_businesses_sort_together_by_display_name(api):
    owner = await create_signed_in()
    await create_contact(api, owner, first_name="Zoe")
    await create_contact(api, owner, type="business", first_name=None, name="Acme")
    await create_contact(api, owner, first_name="Ben", last_name="Babbage")

    assert names(await list_contacts(api, owner, sort="display_name")) == [
        "Acme",
        "Ben Babbage",
        "Zoe",
    ]


async def test_contacts_sort_by_a_custom_field_as_custom_key(api):
    owner = await create_signed_in()
    await create_custom_field(api, owner, key="seats", type="number")
    await create_contact(api, owner, first_name="Many", custom={"seats": 300})
    await create_contact(api, owner, first_name="Few", custom={"seats": 3})

    assert names(await list_contacts(api, owner, sort="-custom.seats")) == ["Many", "Few"]


@pytest.mark.parametrize("q", ["!!!", "- ..."])
async def test_a_search_with_nothing_to_search_for_answers_422_rather_than_everything(api, q):
    owner = await create_signed_in()
    await store_contact(owner.account)

    response = await list_contacts(api, owner, q=q)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "unsearchable_query"
    assert error_fields(response) == {"query.q"}


async def test_a_search_body_with_nothing_to_search_for_names_its_field(api):
    owner = await create_signed_in()

    response = await api.post(f"{CONTACTS}/search", json={"q": "!!!"}, headers=owner.headers)

    assert response.json()["error"]["code"] == "unsearchable_query"
    assert error_fields(response) == {"body.q"}


@pytest.mark.parametrize("q", ["555-0107", "(415) 555-0107", "+14155550107", "4155550107"])
async def test_a_phone_is_found_however_it_is_typed(api, q):
    owner = await create_signed_in()
    await create_contact(api, owner, phones=["+1 415 555 0107"])

    assert names(await list_contacts(api, owner, q=q)) == ["Ada"]


async def test_deleted_contacts_are_listed_only_when_asked_for(api):
    owner = await create_signed_in()
    await store_contact(owner.account, first_name="Ada")
    await store_contact(owner.account, first_name="Gone", deleted_at="2026-01-01T00:00:00Z")

    assert names(await list_contacts(api, owner)) == ["Ada"]
    assert names(await list_contacts(api, owner, deleted="true")) == ["Gone"]


@pytest.mark.parametrize(
    "q",
    ["lov", "Ada Love", "ADA@EXAMPLE", "example.com", "4155", "+1 415 555", "zoe"],
)
async def test_search_finds_words_by_their_start_in_names_emails_phones_and_company(api, q):
    owner = await create_signed_in()
    business = await create_contact(api, owner, type="business", first_name=None, name="Acme")
    await create_contact(
        api,
        owner,
        last_name="Lovelace Zoë",
        emails=["ada@example.com"],
        phones=["+1 415 555 2671"],
        business_id=business["id"],
    )
    await create_contact(api, owner, first_name="Grace", emails=["grace@navy.mil"])

    response = await list_contacts(api, owner, q=q)

    assert names(response) == ["Ada Lovelace Zoë"]


async def test_search_finds_a_business_and_its_people_by_its_name(api):
    owner = await create_signed_in()
    business = await create_contact(api, owner, type="business", first_name=None, name="Acme")
    await create_contact(api, owner, business_id=business["id"])
    await create_contact(api, owner, first_name="Grace")

    assert names(await list_contacts(api, owner, q="acm", sort="created_at")) == ["Acme", "Ada"]


async def test_search_finds_a_phone_by_its_national_spelling(api):
    owner = await create_signed_in()
    await create_contact(api, owner, phones=["+33 6 12 34 56 78"])

    assert names(await list_contacts(api, owner, q="06 12 34")) == ["Ada"]


async def test_search_needs_every_word(api):
    owner = await create_signed_in()
    await create_contact(api, owner, last_name="Lovelace")

    assert names(await list_contacts(api, owner, q="ada hopper")) == []


async def test_contacts_are_filtered_by_tags(api):
    owner = await create_signed_in()
    await store_contact(owner.account, first_name="Ada", tags=["vip"])
    await store_contact(owner.account, first_name="Grace", tags=["lead", "cold"])
    await store_contact(owner.account, first_name="Hedy", tags=["cold"])

    response = await list_contacts(api, owner, filter="tags:in:vip,lead", sort="first_name")

    assert names(response) == ["Ada", "Grace"]


async def test_conditions_are_all_required(api):
    owner = await create_signed_in()
    await store_contact(owner.account, first_name="Ada", tags=["vip"], source="web")
    await store_contact(owner.account, first_name="Grace", tags=["vip"], source="ads")

    response = await list_contacts(api, owner, filter=["tags:equals:vip", "source:equals:web"])

    assert names(response) == ["Ada"]


async def test_contains_matches_part_of_a_value_in_any_case(api):
    owner = await create_signed_in()
    await store_contact(owner.account, first_name="Ada", emails=["ada@acme.com"])
    await store_contact(owner.account, first_name="Grace", emails=["grace@navy.mil"])

    assert names(await list_contacts(api, owner, filter="emails:contains:ACME")) == ["Ada"]


async def test_contacts_are_filtered_by_creation_date(api):
    owner = await create_signed_in()
    await store_contact(owner.account, first_name="Old", created_at="2025-06-01T00:00:00Z")
    await store_contact(owner.account, first_name="New", created_at="2026-02-01T00:00:00Z")

    after = await list_contacts(api, owner, filter="created_at:after:2026-01-01")
    before = await list_contacts(api, owner, filter="created_at:before:2026-01-01")

    assert (names(after), names(before)) == (["New"], ["Old"])


async def test_contacts_are_filtered_on_whether_a_field_is_set(api):
    owner = await create_signed_in()
    await store_contact(owner.account, first_name="Owned", owner_id=owner.user.id)
    await store_contact(owner.account, first_name="Unowned")

    unowned = await list_contacts(api, owner, filter="owner_id:exists:false")
    owned = await list_contacts(api, owner, filter=f"owner_id:equals:{owner.user.id}")

    assert (names(unowned), names(owned)) == (["Unowned"], ["Owned"])


async def test_contacts_are_filtered_by_a_custom_select_value(api):
    owner = await create_signed_in()
    await create_custom_field(api, owner, key="plan", type="select", options=["gold", "silver"])
    await create_contact(api, owner, first_name="Gold", custom={"plan": "gold"})
    await create_contact(api, owner, first_name="Silver", custom={"plan": "silver"})

    assert names(await list_contacts(api, owner, filter="custom.plan:equals:gold")) == ["Gold"]


async def test_contacts_are_filtered_by_a_custom_number_range(api):
    owner = await create_signed_in()
    await create_custom_field(api, owner, key="seats", type="number")
    await create_contact(api, owner, first_name="Small", custom={"seats": 3})
    await create_contact(api, owner, first_name="Large", custom={"seats": 300})

    assert names(await list_contacts(api, owner, filter="custom.seats:after:10")) == ["Large"]


async def test_contacts_are_filtered_by_a_custom_date(api):
    owner = await create_signed_in()
    await create_custom_field(api, owner, key="renewal", type="date")
    await create_contact(api, owner, first_name="Soon", custom={"renewal": "2026-03-01"})
    await create_contact(api, owner, first_name="Later", custom={"renewal": "2027-03-01"})

    response = await list_contacts(api, owner, filter="custom.renewal:before:2026-12-31")

    assert names(response) == ["Soon"]


async def test_contacts_are_filtered_by_an_option_of_a_multi_select(api):
    owner = await create_signed_in()
    await create_custom_field(api, owner, key="likes", type="multi_select", options=["a", "b"])
    await create_contact(api, owner, first_name="Both", custom={"likes": ["a", "b"]})
    await create_contact(api, owner, first_name="Only", custom={"likes": ["a"]})

    assert names(await list_contacts(api, owner, filter="custom.likes:equals:b")) == ["Both"]


async def test_contacts_are_filtered_on_whether_a_custom_value_is_set(api):
    owner = await create_signed_in()
    await create_custom_field(api, owner, key="plan", type="text")
    await create_contact(api, owner, first_name="Set", custom={"plan": "x"})
    await create_contact(api, owner, first_name="Unset")

    unset = await list_contacts(api, owner, filter="custom.plan:exists:false")
    is_set = await list_contacts(api, owner, filter="custom.plan:exists")

    assert (names(unset), names(is_set)) == (["Unset"], ["Set"])


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        ("shoe_size:equals:42", "unknown field shoe_size"),
        ("custom.nope:equals:1", "unknown field custom.nope"),
        ("tags:near:vip", "unknown operator near"),
        ("tags:before:vip", "tags does not take before"),
        ("created_at:after:someday", "'someday' is not a date or an ISO datetime"),
        (
            "created_at:after:9999-12-31T23:59:59-23:59",
            "'9999-12-31T23:59:59-23:59' is outside the dates that can be stored",
        ),
        ("owner_id:equals:42", "'42' is not an id"),
        ("tags:exists:maybe", "exists takes true or false, not 'maybe'"),
        ("tags:in:", "in needs at least one value"),
    ],
)
async def test_a_bad_filter_answers_422_naming_it(api, condition, message):
    owner = await create_signed_in()

    response = await list_contacts(api, owner, filter=["source:equals:web", condition])

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert response.json()["error"]["details"] == [{"field": "query.filter.1", "message": message}]


async def test_a_filter_without_an_operator_answers_422(api):
    owner = await create_signed_in()

    response = await list_contacts(api, owner, filter="tags")

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert error_fields(response) == {"query.filter"}


async def test_the_search_body_takes_the_same_conditions_as_json(api):
    owner = await create_signed_in()
    await store_contact(owner.account, first_name="Ada", tags=["vip"])
    await store_contact(owner.account, first_name="Grace", tags=["cold"])
    body = {"conditions": [{"field": "tags", "operator": "in", "value": ["vip", "lead"]}]}

    response = await api.post(f"{CONTACTS}/search", json=body, headers=owner.headers)

    assert names(response) == ["Ada"]


async def test_a_bad_condition_in_the_search_body_answers_422_naming_it(api):
    owner = await create_signed_in()
    body = {"conditions": [{"field": "tags", "operator": "in", "value": True}]}

    response = await api.post(f"{CONTACTS}/search", json=body, headers=owner.headers)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert error_fields(response) == {"body.conditions.0"}


async def test_more_filters_than_a_list_takes_answer_422_naming_the_parameter(api):
    owner = await create_signed_in()

    response = await list_contacts(api, owner, filter=["tags:exists"] * 51)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert error_fields(response) == {"query.filter"}
