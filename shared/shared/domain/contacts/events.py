"""The platform events a contact's changes publish, for the account's webhooks
(`shared.utilities.events`): `contact.created`, `contact.updated` (restored and merged into
included) and `contact.deleted` (merged away included), each with the contact as the API shows
it and the changes."""

from collections.abc import Sequence

from beanie import PydanticObjectId

from shared.domain.contacts.schemas import ContactRead
from shared.models.contact import Contact
from shared.models.crm_log import FieldChange
from shared.models.webhook_subscription import WebhookEventType
from shared.utilities.events import publish_event


def publish_contact_event(
    account_id: PydanticObjectId, action: str, contact: Contact, changes: Sequence[FieldChange]
) -> None:
    """`action` is the activity log's ("created", "updated", "deleted", "restored", "merged");
    a contact left deleted by it (deleted, or merged into another) is `contact.deleted`."""
    if action == "created":
        event_type = WebhookEventType.CONTACT_CREATED
    elif contact.deleted_at:
        event_type = WebhookEventType.CONTACT_DELETED
    else:
        event_type = WebhookEventType.CONTACT_UPDATED
    data = {
        "contact": ContactRead.model_validate(contact).model_dump(mode="json"),
        "changes": [change.model_dump(mode="json") for change in changes],
    }
    publish_event(account_id, event_type, data)
