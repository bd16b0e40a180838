"""GET /v1/inbound/leads/counts: how many leads each source had each UTC day of a window (the
30 days up to now unless asked, a year and a day at most), days without a lead left out."""

from datetime import UTC, datetime, timedelta

from shared.models.base import utc_now
from shared.models.lead import LeadSource
from shared.models.membership import Role
from tests.factories import create_account, create_contact, create_lead, create_signed_in

COUNTS = "/v1/inbound/leads/counts"
MARCH = {"from": "2026-03-01", "to": "2026-04-01"}


def at(day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


async def create_leads(contact, *sources_at: tuple[LeadSource, datetime]) -> None:
    for source, moment in sources_at:
        await create_lead(contact, source=source, created_at=moment)


async def test_each_days_leads_are_counted_by_source_and_empty_days_left_out(api):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)
    await create_leads(
        contact,
        (LeadSource.FORM, at(2, 8)),
        (LeadSource.FORM, at(2, 17)),
        (LeadSource.SMS, at(2, 9)),
        (LeadSource.CALLRAIL, at(5)),
    )

    response = await api.get(COUNTS, params=MARCH, headers=owner.headers)

    assert response.status_code == 200
    assert response.json()["days"] == [
        {"day": "2026-03-02", "total": 3, "by_source": {"form": 2, "sms": 1}},
        {"day": "2026-03-05", "total": 1, "by_source": {"callrail": 1}},
    ]
    assert response.json()["by_source"] == {"form": 2, "sms": 1, "callrail": 1}


async def test_a_lead_counts_on_its_utc_day(api):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)
    await create_leads(contact, (LeadSource.FORM, at(2, 23, 59)), (LeadSource.FORM, at(3, 0, 1)))

    response = await api.get(COUNTS, params=MARCH, headers=owner.headers)

    assert [day["day"] for day in response.json()["days"]] == ["2026-03-02", "2026-03-03"]


async def test_counts_are_of_the_window_from_included_to_left_out(api):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)
    await create_leads(
        contact,
        (LeadSource.FORM, at(1, 0)),
        (LeadSource.FORM, at(3, 0)),
        (LeadSource.FORM, datetime(2026, 2, 28, 23, 59, tzinfo=UTC)),
    )

    response = await api.get(
        COUNTS, params={"from": "2026-03-01", "to": "2026-03-03"}, headers=owner.headers
    )

    assert response.json()["by_source"] == {"form": 1}
    assert (response.json()["from"], response.json()["to"]) == (
        "2026-03-01T00:00:00Z",
        "2026-03-03T00:00:00Z",
    )


async def test_counts_may_be_of_one_source(api):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)
    await create_leads(contact, (LeadSource.FORM, at(2)), (LeadSource.SMS, at(2)))

    response = await api.get(COUNTS, params={**MARCH, "source": "sms"}, headers=owner.headers)

    assert response.json()["days"] == [{"day": "2026-03-02", "total": 1, "by_source": {"sms": 1}}]


async def test_without_a_window_the_last_30_days_are_counted(api):
    owner = await create_signed_in()
    contact = await create_contact(owner.account)
    now = utc_now()
    await create_leads(
        contact,
        (LeadSource.FORM, now - timedelta(days=2)),
        (LeadSource.FORM, now - timedelta(days=31)),
    )

    response = await api.get(COUNTS, headers=owner.headers)

    assert response.json()["by_source"] == {"form": 1}
    window = datetime.fromisoformat(response.json()["to"]) - datetime.fromisoformat(
        response.json()["from"]
    )
    assert window == timedelta(days=30)


async def test_a_window_over_366_days_answers_422_naming_it(api):
    owner = await create_signed_in()

    response = await api.get(
        COUNTS, params={"from": "2024-01-01", "to": "2025-06-01"}, headers=owner.headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "query.to"


async def test_another_accounts_leads_are_not_counted(api):
    owner = await create_signed_in()
    await create_leads(await create_contact(await create_account()), (LeadSource.FORM, at(2)))

    response = await api.get(COUNTS, params=MARCH, headers=owner.headers)

    assert (response.json()["days"], response.json()["by_source"]) == ([], {})


async def test_a_restricted_member_counts_only_the_leads_of_their_contacts(api):
    account = await create_account(restrict_members_to_own_records=True)
    member = await create_signed_in(account, Role.MEMBER)
    await create_leads(
        await create_contact(account, owner_id=member.user.id), (LeadSource.SMS, at(2))
    )
    await create_leads(await create_contact(account), (LeadSource.FORM, at(2)))

    response = await api.get(COUNTS, params=MARCH, headers=member.headers)

    assert response.json()["by_source"] == {"sms": 1}
