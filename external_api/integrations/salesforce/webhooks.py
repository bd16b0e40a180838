"""Salesforce's outbound messages (a workflow rule or flow on Contact; help.salesforce.com,
"Outbound Messaging"): a SOAP `notifications` envelope per batch, each `Notification` naming
the Contact that changed. Salesforce does not sign them: a message is taken only when its
`OrganizationId` is the org the account connected, and nothing in it is trusted but the
Contact's id: the sync reads the Contact again through the API. Every message is answered
with the documented `<Ack>true</Ack>`, or Salesforce sends it again for 24 hours.

Outbound messages rather than Change Data Capture: CDC delivers over the streaming (CometD)
or Pub/Sub (gRPC) API to a subscriber that stays connected, which a webhook receiver cannot
be; outbound messages are plain HTTPS posts. They do not fire on deletions, which the pull
finds instead (`queryAll`, `IsDeleted`)."""

from collections.abc import Mapping
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from external_api.integrations.framework.webhooks import (
    BadSignature,
    WebhookEvent,
    WebhookReceiver,
)
from shared.utilities.errors import InvalidBody

OUTBOUND = "{http://soap.sforce.com/2005/09/outbound}"
SOBJECT = "{urn:sobject.enterprise.soap.sforce.com}"
ACK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">'
    "<soapenv:Body>"
    '<notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound">'
    "<Ack>true</Ack>"
    "</notificationsResponse>"
    "</soapenv:Body>"
    "</soapenv:Envelope>"
)


def parsed(body: bytes) -> Element:
    try:
        return ElementTree.fromstring(body)
    except (ElementTree.ParseError, DefusedXmlException):
        raise InvalidBody("The outbound message is not XML Salesforce sends.") from None


class OutboundMessages(WebhookReceiver):
    provider = "salesforce"

    def __init__(self, account_id: str, organization_id: str) -> None:
        self.account_id = account_id
        self.organization_id = organization_id

    def signed_at(self, headers: Mapping[str, str]) -> None:
        if not self.organization_id:
            raise BadSignature()

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        notifications = parsed(body).find(f".//{OUTBOUND}notifications")
        sent_by = (
            notifications.findtext(f"{OUTBOUND}OrganizationId")
            if notifications is not None
            else None
        )
        # Salesforce sends the 18-character id; the identity URL may carry either form.
        if not sent_by or sent_by[:15] != self.organization_id[:15]:
            raise BadSignature("The outbound message is not from the connected org.")

    def events(self, body: bytes) -> list[WebhookEvent]:
        events = []
        for notification in parsed(body).iter(f"{OUTBOUND}Notification"):
            notification_id = notification.findtext(f"{OUTBOUND}Id")
            contact_id = notification.findtext(f"{OUTBOUND}sObject/{SOBJECT}Id")
            if not notification_id or not contact_id:
                raise InvalidBody("A notification lacks its id or its Contact's id.")
            data = {
                "account_id": self.account_id,
                "changes": [{"external_id": contact_id, "deleted": False}],
            }
            events.append(WebhookEvent(id=notification_id, type="contact.changed", data=data))
        return events
