"""Twilio's callbacks: an inbound SMS lands in the sender's conversation with the account (the
contact found or made by their number, a prospect conversation linked to it) and is a lead of
the sender's through the number texted, once per message; a delivery status is published as a
platform event; a completed call on one of the account's numbers has its minutes charged to
the account's OneBalance wallet, once per call (`shared.domain.onebalance.calls`)."""

from typing import Any

from beanie import PydanticObjectId

from queue_manager.celery import settings
from queue_manager.integrations.repository import twilio_number
from shared.domain.contacts.callers import contact_for
from shared.domain.contacts.errors import Unreachable
from shared.domain.contacts.writing import platform_author
from shared.domain.leads.recording import Touch
from shared.domain.messages.conversations import open_once, prospect_key
from shared.domain.messages.posting import announce_message, append_message
from shared.domain.messages.prospects import prospect_for as prospect_of_visitor
from shared.domain.messages.prospects import update_prospect
from shared.domain.onebalance.calls import charge_call
from shared.models.base import utc_now
from shared.models.contact import Contact
from shared.models.conversation import Conversation, ConversationKind
from shared.models.conversation_message import SenderType
from shared.models.conversation_prospect import ConversationProspect
from shared.models.lead import LeadSource
from shared.utilities.events import publish_event

SOURCE = "sms"
INBOUND_SMS = "sms.inbound"
SMS_STATUS = "sms.status"
CALL_STATUS = "call.status"
# Twilio's directions of a call placed from the account's number (the rest are `inbound`).
OUTBOUND = ("outbound-api", "outbound-dial")


async def handle(event: dict[str, Any]) -> dict[str, Any]:
    if event["type"] == INBOUND_SMS:
        return await inbound_sms(event["data"])
    if event["type"] == SMS_STATUS:
        return sms_status(event["data"])
    if event["type"] == CALL_STATUS:
        return await call_status(event["data"])
    return {"skipped": f"no handling for {event['type']}"}


async def inbound_sms(sms: dict[str, Any]) -> dict[str, Any]:
    account_id = PydanticObjectId(sms["account_id"])
    skipped = {"skipped": "not to one of the account's numbers, or from no number"}
    if await twilio_number(account_id, sms["to"]) is None:
        return skipped
    try:
        contact, _ = await contact_for(
            await platform_author(account_id, settings),
            SOURCE,
            phone=sms["from"],
            touch=Touch(LeadSource.SMS, source_ref=sms["to"], touch_id=sms["message_sid"]),
        )
    except Unreachable:  # a short code or a sender name, not a number
        return skipped
    conversation = await conversation_with(contact, sms["from"])
    message, created = await append_message(
        conversation,
        SenderType.PROSPECT,
        str(conversation.prospect_id),
        sms["body"],
        client_id=sms["message_sid"],  # Twilio's id: the message is stored once
    )
    if created:
        await announce_message(conversation, message)
    return {"conversation_id": str(conversation.id), "message_id": str(message.id)}


async def conversation_with(contact: Contact, phone: str) -> Conversation:
    """The contact's SMS conversation: a prospect conversation whose prospect is the phone
    number, linked to the contact; opened once."""
    prospect = await prospect_for(contact, phone)
    conversation, _ = await open_once(
        prospect_key(prospect.id),
        account_id=contact.account_id,
        kind=ConversationKind.PROSPECT,
        prospect_id=prospect.id,
        title=contact.display_name or phone,
        last_activity_at=utc_now(),
    )
    return conversation


async def prospect_for(contact: Contact, phone: str) -> ConversationProspect:
    """The phone number's prospect, linked to the contact and named after it."""
    prospect = await prospect_of_visitor(contact.account_id, f"sms:{phone}")
    if prospect.contact_id != contact.id:
        await update_prospect(
            prospect, name=contact.display_name, phone=phone, contact_id=contact.id
        )
    return prospect


def sms_status(status: dict[str, Any]) -> dict[str, Any]:
    data = {key: status.get(key) for key in ("message_sid", "status", "error_code", "to", "from")}
    event_id = publish_event(status["account_id"], "sms.status_changed", data)
    return {"event": event_id}


async def call_status(call: dict[str, Any]) -> dict[str, Any]:
    """Only a completed call is charged (busy, no-answer, failed, canceled cost nothing), and
    only on a number of the account's: the one called, or the one calling out."""
    if call["status"] != "completed":
        return {"skipped": f"a {call['status']} call is not charged"}
    account_id = PydanticObjectId(call["account_id"])
    ours = call["from"] if call.get("direction") in OUTBOUND else call["to"]
    if not ours or await twilio_number(account_id, ours) is None:
        return {"skipped": "not a call on one of the account's numbers"}
    description = f"call {call.get('from')} to {call.get('to')}, {call['duration']} s"
    recorded = await charge_call(account_id, call["call_sid"], call["duration"], description)
    if recorded is None:
        return {"skipped": "no wallet, or a call of no minutes"}
    return {"movement": recorded.movement.id, "charged": recorded.applied}
