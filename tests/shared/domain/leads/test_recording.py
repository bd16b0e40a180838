"""Recording leads: a touch with the provider's id is stored once per account, however often
its webhook runs; the contact write paths record the touch they are handed, and only then."""

import pytest

from shared.domain.contacts.batch import write_contacts
from shared.domain.contacts.callers import contact_for
from shared.domain.contacts.repository import ContactRepository
from shared.domain.contacts.writing import Author
from shared.domain.leads.recording import Touch, record_lead, record_touch
from shared.domain.leads.repository import LeadRepository
from shared.models.account import Account
from shared.models.lead import Attribution, Lead, LeadSource
from tests.factories import create_account, create_contact, create_lead

CALL = Touch(LeadSource.CALLRAIL, source_ref="+14045550100", touch_id="CAL1")


@pytest.fixture
async def account(mongo) -> Account:
    return await create_account()


@pytest.fixture
def author(account, outbox) -> Author:
    return Author.platform(account.id, "US")


async def test_a_lead_is_stored_with_its_source_ref_and_attribution(account):
    contact = await create_contact(account)
    attribution = Attribution(utm_source="newsletter", landing_page="https://bakery.example/")

    lead = await record_lead(
        contact, LeadSource.FORM, new_contact=True, source_ref="form-1", attribution=attribution
    )

    stored = await Lead.get(lead.id)
    assert (stored.account_id, stored.contact_id, stored.source, stored.source_ref) == (
        account.id,
        contact.id,
        LeadSource.FORM,
        "form-1",
    )
    assert (stored.attribution, stored.new_contact) == (attribution, True)


async def test_a_touch_seen_again_is_the_lead_stored_the_first_time(account):
    contact = await create_contact(account)
    first = await record_touch(contact, CALL, new_contact=True)

    again = await record_touch(contact, CALL, new_contact=False)

    assert (again.id, again.new_contact) == (first.id, True)
    assert await Lead.find_all().count() == 1


async def test_a_touch_another_run_stored_meanwhile_is_the_one_answered(account, monkeypatch):
    contact = await create_contact(account)
    stored = await record_touch(contact, CALL, new_contact=True)
    looked_up = LeadRepository.by_touch_key
    looks = []

    async def missed_at_first(leads, key):
        """The first look runs before the other run's insert lands."""
        looks.append(key)
        return None if len(looks) == 1 else await looked_up(leads, key)

    monkeypatch.setattr(LeadRepository, "by_touch_key", missed_at_first)

    again = await record_touch(contact, CALL, new_contact=False)

    assert (again.id, again.new_contact, len(looks)) == (stored.id, True, 2)
    assert await Lead.find_all().count() == 1


async def test_the_same_touch_id_in_another_account_is_another_lead(account):
    ours = await create_contact(account)
    theirs = await create_contact(await create_account())

    await record_touch(ours, CALL, new_contact=True)
    await record_touch(theirs, CALL, new_contact=True)

    assert await Lead.find_all().count() == 2


async def test_touches_without_an_id_are_each_a_lead(account):
    contact = await create_contact(account)
    visit = Touch(LeadSource.LIVE_CHAT, source_ref="w-1")

    await record_touch(contact, visit, new_contact=True)
    await record_touch(contact, visit, new_contact=False)

    assert await Lead.find({"contact_id": contact.id}).count() == 2


async def test_contact_for_records_the_touch_it_is_handed_as_the_contacts_lead(author):
    contact, _ = await contact_for(author, "callrail", phone="+14045550199", touch=CALL)

    [lead] = await Lead.find_all().to_list()
    assert (lead.contact_id, lead.source, lead.source_ref, lead.new_contact) == (
        contact.id,
        LeadSource.CALLRAIL,
        "+14045550100",
        True,
    )


async def test_contact_for_a_known_contact_records_a_lead_that_is_not_new(author, account):
    known = await create_contact(account, phones=["+14045550199"])

    await contact_for(author, "callrail", phone="+14045550199", touch=CALL)

    [lead] = await Lead.find_all().to_list()
    assert (lead.contact_id, lead.new_contact) == (known.id, False)


async def test_contact_for_without_a_touch_records_no_lead(author):
    await contact_for(author, "form", email="ada@example.com")

    assert await Lead.find_all().count() == 0


async def test_a_batch_records_its_touch_for_each_contact_it_makes(author, account):
    known = await create_contact(account, emails=["ada@example.com"])
    rows = [
        {"first_name": "Ada", "emails": ["ada@example.com"]},
        {"first_name": "Alan", "emails": ["alan@example.com"]},
    ]

    _, alan = await write_contacts(
        author, rows, update_existing=True, touch=Touch(LeadSource.IMPORT, "job-1")
    )

    [lead] = await Lead.find_all().to_list()
    assert (lead.contact_id, lead.source_ref, lead.new_contact) == (alan.id, "job-1", True)
    assert lead.contact_id != known.id


async def test_a_lead_without_a_touch_id_stores_no_touch_key(author):
    """A stored null would count in the sparse unique index: one such lead per database."""
    await write_contacts(author, [{"first_name": "Ada"}], touch=Touch(LeadSource.IMPORT, "job-1"))
    await contact_for(
        author, "live_chat", email="ada@example.com", touch=Touch(LeadSource.LIVE_CHAT)
    )

    stored = await Lead.get_motor_collection().find().to_list(None)
    assert [("touch_key" in raw) for raw in stored] == [False, False]


async def test_a_merged_contacts_leads_follow_it_into_the_survivor(account):
    merged, survivor = await create_contact(account), await create_contact(account)
    lead = await create_lead(merged)

    await ContactRepository(account.id).repoint(merged.id, survivor.id)

    assert (await Lead.get(lead.id)).contact_id == survivor.id
