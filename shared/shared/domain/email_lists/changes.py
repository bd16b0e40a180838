"""A contact's change queued for each list sync whose tag it has or had (`email_lists.sync`
for that contact): a new member, changed merge fields, an unsubscribe, or leaving the tag."""

from collections.abc import Sequence

from shared.domain.email_lists.repository import syncs_of_tags
from shared.models.contact import Contact
from shared.models.crm_log import FieldChange
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import EMAIL_LISTS_SYNC

# What a list's member is made of: a change elsewhere concerns no list.
MEMBER_FIELDS = frozenset(
    {"emails", "tags", "first_name", "last_name", "email_opt_out", "deleted_at"}
)


def tags_before_and_after(contact: Contact, changes: Sequence[FieldChange]) -> set[str]:
    tags = set(contact.tags)
    for change in changes:
        if change.field == "tags":
            tags |= set(change.old or [])
    return tags


async def contact_changed_for_lists(contact: Contact, changes: Sequence[FieldChange]) -> None:
    if not any(change.field in MEMBER_FIELDS for change in changes):
        return
    tags = tags_before_and_after(contact, changes)
    if not tags:
        return  # no list's member, now or before: nothing to ask the database
    for sync in await syncs_of_tags(contact.account_id, tags):
        enqueue_job(
            EMAIL_LISTS_SYNC,
            account_id=str(contact.account_id),
            provider=sync.provider,
            sync_id=str(sync.id),
            contact_id=str(contact.id),
        )
