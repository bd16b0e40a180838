"""What every change to a contact leaves behind, whichever process made it: an entry in the
activity log (old value to new, pushed live to the account), a `contact.*` webhook event, and
the automations watching for each tag it added, a push to each of the account's CRM syncs, and
to each email list synced with a tag it has or had."""

from collections.abc import Sequence
from typing import Any

from beanie import PydanticObjectId

from shared.domain.activities.recording import record
from shared.domain.automations.firing import fire
from shared.domain.contacts.events import publish_contact_event
from shared.domain.crm_sync.changes import contact_changed
from shared.domain.email_lists.changes import contact_changed_for_lists
from shared.models.contact import Contact
from shared.models.crm_log import FieldChange

# What the activity log follows, old value to new; custom values as `custom.<key>`.
TRACKED_FIELDS = {
    "type",
    "first_name",
    "last_name",
    "name",
    "emails",
    "phones",
    "address",
    "website",
    "source",
    "owner_id",
    "follower_ids",
    "tags",
    "business_id",
    "email_opt_out",
}


def snapshot(contact: Contact) -> dict[str, Any]:
    """The tracked fields as JSON values, custom values flattened to `custom.<key>`."""
    values = contact.model_dump(mode="json", include=TRACKED_FIELDS)
    values.update({f"custom.{key}": value for key, value in contact.custom.items()})
    return values


async def recorded(
    actor_id: PydanticObjectId | None,
    contact: Contact,
    action: str,
    changes: Sequence[FieldChange],
    *,
    announce: bool = True,
) -> None:
    """The change logged (and pushed live unless `announce` is False: a change to many
    contacts is announced once), published for webhooks, and each tag it adds fires the
    automations watching for that tag."""
    assert contact.id is not None, "a stored contact"
    account_id = contact.account_id
    await record(account_id, actor_id, "contact", contact.id, action, changes, announce=announce)
    publish_contact_event(account_id, action, contact, changes)
    await contact_changed(contact)
    await contact_changed_for_lists(contact, changes)
    for tag in tags_added(changes):
        await fire(account_id, "contact.tag_added", {"tag": tag}, "contact", contact.id)


def tags_added(changes: Sequence[FieldChange]) -> list[str]:
    change = next((change for change in changes if change.field == "tags"), None)
    if change is None:
        return []
    before = set(change.old or [])
    return [tag for tag in change.new or [] if tag not in before]
