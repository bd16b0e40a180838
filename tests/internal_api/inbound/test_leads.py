"""GET /v1/inbound/leads: the account's leads, newest first, whatever their source, filtered by
source, time and contact; a member limited to their own records sees their contacts' leads."""

from datetime import UTC, datetime

import pytest

from shared.models.lead import Attribution, LeadSource
from shared.models.membership import Role
from tests.factories import create_account, create_contact, create_lead, create_signed_in

LEADS = "/v1/inbound/leads"
MARCH_1 = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
MARCH_2 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
MARCH_3 = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)


def ids(response) -> list[str]:
    return [item["id"] for item in response.json()["data"]]


async def test_a_lead_is_listed_with_its_contacts_name_source_and_attribution(api):
    owner = await create_signed_in()
    contact = await create_contact(owner.account, first_name="Ada", last_name="King")
    lead = await create_lead(
        contact,
        source=LeadSource.CALLRAIL,
        source_ref="+14045550100",
        attribution=Attribution(utm_source="google", landing_page="https://bakery.example/"),
        new_contact=True,
        created_at=MARCH_1,
    )

    response = await api.get(LEADS, headers=owner.headers)

    assert response.status_code == 200
    [listed] = response.json()["data"]
    assert {key: listed[key] for key in ("id", "contact_id", "contact_name")} == {
        "id": str(lead.id),
        "contact_id": str(contact.id),
        "contact_name": "Ada King",
    }
    assert (listed["source"], listed["source_ref"], listed["new_contact"]) == (
        "callrail",
        "+14045550100",
        True,
    )
    assert listed["attribution"]["utm_source"] == "google"
    assert listed["attribution"]["landing_page"] == "https://bakery.example/"
    assert listed["attribution"]["utm_campaign"] is None
    assert datetime.fromisoformat(listed["created_at"]) == MARCH_1


async def test_leads_of_every_source_are_listed_newest_first_and_paged(api):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)
    oldest, middle, newest = [
        await create_lead(contact, source=source, created_at=moment)
        for source, moment in (
            (LeadSource.FORM, MARCH_1),
            (LeadSource.SMS, MARCH_2),
            (LeadSource.FACEBOOK, MARCH_3),
        )
    ]

    first = await api.get(f"{LEADS}?limit=2", headers=owner.headers)
    second = await api.get(f"{LEADS}?limit=2&page=2", headers=owner.headers)

    assert ids(first) == [str(newest.id), str(middle.id)]
    assert first.json()["pagination"] == {"page": 1, "limit": 2, "total": 3, "next_page": 2}
    assert ids(second) == [str(oldest.id)]
    assert second.json()["pagination"]["next_page"] is None


async def test_the_list_is_filtered_by_source(api):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)
    texted = await create_lead(contact, source=LeadSource.SMS)
    await create_lead(contact, source=LeadSource.FORM)

    response = await api.get(f"{LEADS}?source=sms", headers=owner.headers)

    assert ids(response) == [str(texted.id)]


async def test_the_list_is_filtered_from_a_moment_included_to_one_left_out(api):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)
    await create_lead(contact, created_at=MARCH_1)
    inside = await create_lead(contact, created_at=MARCH_2)
    await create_lead(contact, created_at=MARCH_3)
    window = {"from": MARCH_2.isoformat(), "to": MARCH_3.isoformat()}

    response = await api.get(LEADS, params=window, headers=owner.headers)

    assert ids(response) == [str(inside.id)]


async def test_a_date_without_a_time_is_its_midnight_utc(api):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)
    await create_lead(contact, created_at=MARCH_1)
    on_the_2nd = await create_lead(contact, created_at=MARCH_2)

    response = await api.get(f"{LEADS}?from=2026-03-02&to=2026-03-03", headers=owner.headers)

    assert ids(response) == [str(on_the_2nd.id)]


async def test_the_list_is_filtered_by_contact(api):
    owner = await create_signed_in()
    ada, grace = await create_contact(owner.account), await create_contact(owner.account)
    adas = await create_lead(ada)
    await create_lead(grace)

    response = await api.get(f"{LEADS}?contact_id={ada.id}", headers=owner.headers)

    assert ids(response) == [str(adas.id)]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("source=carrier_pigeon", "source"),
        ("contact_id=not-an-id", "contact_id"),
        ("from=yesterday", "from"),
        ("from=2026-03-02&to=2026-03-01", "to"),
        ("sort=source", "sort"),
        ("limit=101", "limit"),
    ],
    ids=["unknown source", "bad contact id", "bad moment", "to before from", "bad sort", "limit"],
)
async def test_a_bad_filter_answers_422_naming_it(api, query, field):
    owner = await create_signed_in()

    response = await api.get(f"{LEADS}?{query}", headers=owner.headers)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert f"query.{field}" in [detail["field"] for detail in response.json()["error"]["details"]]


async def test_another_accounts_leads_are_never_listed(api):
    owner = await create_signed_in()
    await create_lead(await create_contact(await create_account()))

    response = await api.get(LEADS, headers=owner.headers)

    assert response.json()["data"] == []
    assert response.json()["pagination"]["total"] == 0


async def test_a_restricted_member_sees_only_the_leads_of_their_contacts(api):
    account = await create_account(restrict_members_to_own_records=True)
    member = await create_signed_in(account, Role.MEMBER)
    theirs = await create_lead(await create_contact(account, owner_id=member.user.id))
    await create_lead(await create_contact(account))

    response = await api.get(LEADS, headers=member.headers)

    assert ids(response) == [str(theirs.id)]


async def test_reading_leads_needs_the_contacts_read_scope(api):
    owner = await create_signed_in()
    await owner.membership.set(
        {"scopes": [s for s in owner.membership.scopes if s != "contacts:read"]}
    )

    response = await api.get(LEADS, headers=owner.headers)

    assert response.status_code == 403
    assert response.json()["error"]["details"] == [{"scope": "contacts:read"}]
