"""Twilio's events: an inbound SMS lands in the sender's conversation with the account (the
contact found or made by number) and is the sender's lead, once; a delivery status is
published."""

import os

import pytest
from beanie import PydanticObjectId

from queue_manager.integrations.twilio import handle
from shared.models.contact import Contact
from shared.models.conversation import Conversation, ConversationKind
from shared.models.conversation_message import ConversationMessage, SenderType
from shared.models.conversation_prospect import ConversationProspect
from shared.models.lead import Lead, LeadSource
from shared.models.task_run import TaskRun, TaskStatus
from shared.models.twilio_number import TwilioNumber
from shared.utilities.outbox import Senders, collecting, enqueue_job
from shared.utilities.realtime import Socket, account_room, conversation_room
from shared.utilities.task_names import INTEGRATIONS_PROCESS_WEBHOOK
from tests.external_api.fakes.twilio import ACCOUNT_SID, CUSTOMER, MESSAGE_SID, NUMBER
from tests.queue_manager.queues.conftest import eventually


@pytest.fixture
async def account_id() -> PydanticObjectId:
    account_id = PydanticObjectId()
    await TwilioNumber(
        account_id=account_id, phone_number=NUMBER, sid="PN1", twilio_account_sid=ACCOUNT_SID
    ).insert()
    return account_id


def inbound(account_id, message_sid: str = MESSAGE_SID, body: str = "Is it ready?", **sms):
    data = {
        "account_id": str(account_id),
        "message_sid": message_sid,
        "from": CUSTOMER,
        "to": NUMBER,
        "body": body,
        "num_media": 0,
        **sms,
    }
    return {"id": message_sid, "type": "sms.inbound", "data": data}


async def test_an_sms_from_a_known_contact_lands_in_their_conversation(run, account_id):
    contact = await Contact(account_id=account_id, first_name="Grace", phones=[CUSTOMER]).insert()

    answer = await run(handle, inbound(account_id))

    conversation = await Conversation.get(PydanticObjectId(answer["conversation_id"]))
    prospect = await ConversationProspect.get(conversation.prospect_id)
    assert (conversation.account_id, conversation.kind, conversation.title) == (
        account_id,
        ConversationKind.PROSPECT,
        "Grace",
    )
    assert (prospect.contact_id, prospect.phone) == (contact.id, CUSTOMER)
    [message] = await ConversationMessage.find({"conversation_id": conversation.id}).to_list()
    assert (message.body, message.sender_type, message.sender_id) == (
        "Is it ready?",
        SenderType.PROSPECT,
        str(prospect.id),
    )


async def test_an_sms_from_an_unknown_number_makes_a_contact(run, account_id):
    await run(handle, inbound(account_id))

    contact = await Contact.find_one({"account_id": account_id})
    assert (contact.phones, contact.source) == ([CUSTOMER], "sms")


async def test_the_senders_next_sms_joins_the_same_conversation(run, account_id):
    first = await run(handle, inbound(account_id))

    second = await run(handle, inbound(account_id, message_sid="SM2", body="Hello?"))

    assert first["conversation_id"] == second["conversation_id"]
    assert await ConversationMessage.find({"account_id": account_id}).count() == 2
    assert await Contact.find({"account_id": account_id}).count() == 1


async def test_an_sms_run_again_is_stored_once(run, account_id):
    await run(handle, inbound(account_id))
    await run(handle, inbound(account_id))

    assert await ConversationMessage.find({"account_id": account_id}).count() == 1


async def test_a_new_message_is_emitted_to_the_room_and_published(run, recorded, account_id):
    answer = await run(handle, inbound(account_id))

    room = conversation_room(answer["conversation_id"])
    messages = [emit for emit in recorded.emits if emit[1] == "message:new"]
    assert [(socket, event, to) for socket, event, _, to in messages] == [
        (Socket.CONVERSATION, "message:new", room),
        (Socket.GENERAL, "message:new", room),
    ]
    assert messages[0][2]["body"] == "Is it ready?"
    [published] = [event for event in recorded.events() if event["type"] == "message.created"]
    assert published["account_id"] == str(account_id)


async def test_a_new_sender_becomes_a_contact_like_any_other(run, recorded, account_id):
    await run(handle, inbound(account_id))

    contact = await Contact.find_one({"account_id": account_id})
    assert (contact.phones, contact.source) == ([CUSTOMER], "sms")
    assert [event["type"] for event in recorded.events()] == ["contact.created", "message.created"]
    assert ("contact:created", account_room(account_id)) in [
        (event, to) for _, event, _, to in recorded.emits
    ]


async def test_an_sms_from_a_new_sender_is_their_lead_through_the_number_texted(run, account_id):
    await run(handle, inbound(account_id))

    contact = await Contact.find_one({"account_id": account_id})
    [lead] = await Lead.find({"account_id": account_id}).to_list()
    assert (lead.contact_id, lead.source, lead.source_ref, lead.new_contact) == (
        contact.id,
        LeadSource.SMS,
        NUMBER,
        True,
    )


async def test_each_sms_of_a_known_sender_is_a_lead_of_theirs_not_new(run, account_id):
    contact = await Contact(account_id=account_id, first_name="Grace", phones=[CUSTOMER]).insert()

    await run(handle, inbound(account_id))
    await run(handle, inbound(account_id, message_sid="SM2", body="Hello?"))

    leads = await Lead.find({"account_id": account_id}).to_list()
    assert [(lead.contact_id, lead.new_contact) for lead in leads] == [
        (contact.id, False),
        (contact.id, False),
    ]


async def test_an_sms_run_again_is_one_lead(run, account_id):
    await run(handle, inbound(account_id))
    await run(handle, inbound(account_id))

    assert await Lead.find({"account_id": account_id}).count() == 1


async def test_an_sms_to_a_number_the_account_does_not_hold_is_skipped(run, account_id):
    answer = await run(handle, inbound(account_id, to="+15105550000"))

    assert "skipped" in answer
    assert await ConversationMessage.find({"account_id": account_id}).count() == 0
    assert await Lead.find({"account_id": account_id}).count() == 0


async def test_a_delivery_status_is_published(run, recorded, account_id):
    event = {
        "id": f"{MESSAGE_SID}:delivered",
        "type": "sms.status",
        "data": {
            "account_id": str(account_id),
            "message_sid": MESSAGE_SID,
            "status": "delivered",
            "error_code": None,
            "to": CUSTOMER,
            "from": NUMBER,
        },
    }

    await run(handle, event)

    [published] = recorded.events()
    assert published["type"] == "sms.status_changed"
    assert published["data"]["status"] == "delivered"


async def test_an_inbound_sms_event_reaches_its_conversation_through_a_real_worker(
    worker, account_id
):
    senders = Senders.for_redis(os.environ["REDIS_URL"])
    try:
        async with collecting(senders):
            enqueue_job(
                INTEGRATIONS_PROCESS_WEBHOOK,
                task_id=f"twilio:{MESSAGE_SID}",
                provider="twilio",
                event=inbound(account_id),
            )

        async def handled_and_published() -> bool:
            # The handler's message.created leaves as hooks.dispatch, run by the same worker.
            done = {"status": TaskStatus.COMPLETED}
            names = {run.name for run in await TaskRun.find(done).to_list()}
            return names == {"integrations.process_webhook", "hooks.dispatch"}

        await eventually(handled_and_published)
    finally:
        senders.close()

    message = await ConversationMessage.find_one({"account_id": account_id})
    assert message.body == "Is it ready?"
