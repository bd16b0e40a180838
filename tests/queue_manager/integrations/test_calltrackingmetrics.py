"""CallTrackingMetrics' call events: the call recorded on the caller's contact, found or made by
number, and a call in recorded as the caller's lead with CTM's referrer and landing page, once
however often the event runs."""

from beanie import PydanticObjectId

from queue_manager.integrations.calltrackingmetrics import handle
from shared.models.contact import Contact
from shared.models.crm_log import CrmLog
from shared.models.lead import Lead, LeadSource
from tests.external_api.fakes.calltrackingmetrics import CALL, CALL_ID


def call_event(account_id: PydanticObjectId, **call) -> dict:
    data = {"account_id": str(account_id), "call": {**CALL, **call}}
    return {"id": f"{CALL_ID}:call", "type": "call", "data": data}


async def test_a_call_from_a_known_number_is_recorded_on_that_contact(run):
    account_id = PydanticObjectId()
    contact = await Contact(account_id=account_id, phones=["+14045550199"]).insert()

    answer = await run(handle, call_event(account_id))

    [activity] = await CrmLog.find({"entity_id": contact.id, "action": "call_received"}).to_list()
    assert answer["contact_created"] is False
    changes = {change.field: change.new for change in activity.changes}
    assert (changes["id"], changes["source"]) == (int(CALL_ID), "Google Organic")


async def test_a_call_from_an_unknown_number_makes_a_contact_named_as_the_caller(run):
    account_id = PydanticObjectId()

    await run(handle, call_event(account_id))

    contact = await Contact.find_one({"account_id": account_id})
    assert (contact.first_name, contact.last_name, contact.source) == (
        "Grace",
        "Hopper",
        "calltrackingmetrics",
    )


async def test_an_event_run_again_records_the_call_once(run):
    account_id = PydanticObjectId()
    await run(handle, call_event(account_id))

    await run(handle, call_event(account_id))

    assert await CrmLog.find({"account_id": account_id, "action": "call_received"}).count() == 1
    assert await Lead.find({"account_id": account_id}).count() == 1


async def test_a_call_in_is_a_lead_with_ctms_attribution(run):
    account_id = PydanticObjectId()

    await run(handle, call_event(account_id))

    [lead] = await Lead.find({"account_id": account_id}).to_list()
    assert lead.source is LeadSource.CALLTRACKINGMETRICS
    assert lead.source_ref == CALL["tracking_number"]
    assert (lead.attribution.referrer, lead.attribution.landing_page) == (
        CALL["referrer"],
        CALL["location"],
    )


async def test_an_outbound_call_is_recorded_as_made_and_is_no_lead(run):
    account_id = PydanticObjectId()

    await run(handle, call_event(account_id, direction="outbound"))

    assert await CrmLog.find({"account_id": account_id, "action": "call_made"}).count() == 1
    assert await Lead.find({"account_id": account_id}).count() == 0


async def test_a_call_without_a_caller_number_records_nothing(run):
    account_id = PydanticObjectId()

    answer = await run(handle, call_event(account_id, caller_number=None))

    assert answer == {"skipped": "the call has no caller number"}
    assert await Contact.find({"account_id": account_id}).count() == 0
