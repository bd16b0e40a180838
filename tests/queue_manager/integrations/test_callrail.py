"""CallRail's post-call events: the call recorded on the caller's contact, found or made by
number, and a call in recorded as the caller's lead with CallRail's attribution, once however
often the event runs."""

from beanie import PydanticObjectId

from queue_manager.integrations.callrail import handle
from shared.models.contact import Contact
from shared.models.crm_log import CrmLog
from shared.models.lead import Lead, LeadSource
from tests.external_api.fakes.callrail import CALL_ID, POST_CALL


def post_call(account_id: PydanticObjectId, **call) -> dict:
    data = {"account_id": str(account_id), "call": {**POST_CALL, **call}}
    return {"id": f"{CALL_ID}:post_call", "type": "post_call", "data": data}


async def test_a_call_from_a_known_number_is_recorded_on_that_contact(run):
    account_id = PydanticObjectId()
    contact = await Contact(account_id=account_id, phones=["+14045550199"]).insert()

    answer = await run(handle, post_call(account_id))

    [activity] = await CrmLog.find({"entity_id": contact.id, "action": "call_received"}).to_list()
    assert answer["contact_created"] is False
    assert (activity.account_id, activity.entity_type, activity.action) == (
        account_id,
        "contact",
        "call_received",
    )
    changes = {change.field: change.new for change in activity.changes}
    assert changes["resource_id"] == CALL_ID
    assert changes["duration"] == "125"
    assert changes["source_name"] == "Google Ads"


async def test_a_call_from_an_unknown_number_makes_a_contact_named_as_the_caller(run):
    account_id = PydanticObjectId()

    answer = await run(handle, post_call(account_id))

    contact = await Contact.find_one({"account_id": account_id})
    assert answer["contact_created"] is True
    assert (contact.first_name, contact.last_name, contact.phones, contact.source) == (
        "Grace",
        "Hopper",
        ["+14045550199"],
        "callrail",
    )


async def test_a_made_contact_is_found_by_name_and_number(run):
    account_id = PydanticObjectId()

    await run(handle, post_call(account_id))

    contact = await Contact.find_one({"account_id": account_id})
    assert {"grace", "hop", "14045550199"} <= set(contact.search_terms)


async def test_the_same_number_in_another_account_is_another_contact(run):
    account_id = PydanticObjectId()
    stranger = await Contact(account_id=PydanticObjectId(), phones=["+14045550199"]).insert()

    await run(handle, post_call(account_id))

    assert await CrmLog.find({"entity_id": stranger.id}).count() == 0
    assert await Contact.find({"account_id": account_id}).count() == 1


async def test_an_event_run_again_records_the_call_once(run):
    account_id = PydanticObjectId()

    await run(handle, post_call(account_id))
    await run(handle, post_call(account_id))

    assert await CrmLog.find({"account_id": account_id, "action": "call_received"}).count() == 1
    assert await Contact.find({"account_id": account_id}).count() == 1


async def test_an_outbound_call_is_recorded_as_made(run):
    account_id = PydanticObjectId()

    await run(handle, post_call(account_id, direction="outbound"))

    calls = CrmLog.find(
        {"account_id": account_id, "action": {"$in": ["call_made", "call_received"]}}
    )
    assert [entry.action for entry in await calls.to_list()] == ["call_made"]


async def test_a_call_without_a_caller_number_records_nothing(run):
    account_id = PydanticObjectId()

    answer = await run(handle, post_call(account_id, customer_phone_number=None))

    assert "skipped" in answer
    assert await CrmLog.find({"account_id": account_id}).count() == 0


async def test_a_call_in_is_a_lead_through_the_tracking_number_with_callrails_attribution(run):
    account_id = PydanticObjectId()

    await run(handle, post_call(account_id))

    contact = await Contact.find_one({"account_id": account_id})
    [lead] = await Lead.find({"account_id": account_id}).to_list()
    assert (lead.contact_id, lead.source, lead.source_ref, lead.new_contact) == (
        contact.id,
        LeadSource.CALLRAIL,
        "+14045550100",
        True,
    )
    assert lead.attribution.model_dump(exclude_none=True) == {
        "utm_source": "google",
        "utm_medium": "cpc",
        "utm_campaign": "spring-sale",
        "utm_term": "fresh doughnuts",
        "referrer": "https://www.google.com/",
        "landing_page": "https://doughnuts.example/menu?utm_source=google",
    }


async def test_a_call_from_a_known_number_is_their_lead_not_a_new_one(run):
    account_id = PydanticObjectId()
    contact = await Contact(account_id=account_id, phones=["+14045550199"]).insert()

    await run(handle, post_call(account_id))

    [lead] = await Lead.find({"account_id": account_id}).to_list()
    assert (lead.contact_id, lead.new_contact) == (contact.id, False)


async def test_a_call_run_again_is_one_lead(run):
    account_id = PydanticObjectId()

    await run(handle, post_call(account_id))
    await run(handle, post_call(account_id))

    assert await Lead.find({"account_id": account_id}).count() == 1


async def test_an_outbound_call_is_no_lead(run):
    account_id = PydanticObjectId()

    await run(handle, post_call(account_id, direction="outbound"))

    assert await Lead.find({"account_id": account_id}).count() == 0
