"""Changes to many contacts at once, all or nothing: every id must be a live contact the author
sees, else `NotFound` naming the missing ids and nothing changes. Each contact's change is
recorded and published as a single change would be, and the account's dashboards hear one
`contacts:changed` summary instead of an event per contact."""

from collections.abc import Callable, Sequence

from shared.domain.activities.live import announce_contacts
from shared.domain.activities.recording import changes_between
from shared.domain.contacts.effects import recorded, snapshot
from shared.domain.contacts.tags import ensure_tags
from shared.domain.contacts.writing import Author, delete_contact
from shared.models.contact import Contact
from shared.utilities.errors import NotFound


async def live_contacts(author: Author, ids: Sequence[str]) -> list[Contact]:
    """The contacts of these ids, in the order given, once each."""
    found = {str(contact.id): contact for contact in await author.contacts.live(ids)}
    wanted = list(dict.fromkeys(ids))
    missing = [contact_id for contact_id in wanted if contact_id not in found]
    if missing:
        raise NotFound(
            f"Contacts not found: {', '.join(missing)}.",
            details=[{"field": "ids", "id": contact_id} for contact_id in missing],
        )
    return [found[contact_id] for contact_id in wanted]


async def delete_contacts(author: Author, ids: Sequence[str]) -> int:
    contacts = await live_contacts(author, ids)
    for contact in contacts:
        await delete_contact(author, contact, announce=False)
    announce_contacts(author.account_id, "deleted", [contact.id for contact in contacts])
    return len(contacts)


async def tag_contacts(author: Author, ids: Sequence[str], tags: Sequence[str]) -> int:
    await ensure_tags(author.account_id, tags)
    return await retag(
        author, ids, "tagged", lambda current: list(dict.fromkeys([*current, *tags]))
    )


async def untag_contacts(author: Author, ids: Sequence[str], tags: Sequence[str]) -> int:
    return await retag(
        author, ids, "untagged", lambda current: [tag for tag in current if tag not in tags]
    )


async def retag(
    author: Author,
    ids: Sequence[str],
    action: str,
    new_tags: Callable[[list[str]], list[str]],
) -> int:
    """Gives each contact `new_tags(its tags)`; the number of contacts that changed."""
    changed = []
    for contact in await live_contacts(author, ids):
        before = snapshot(contact)
        contact.tags = new_tags(contact.tags)
        changes = changes_between(before, snapshot(contact))
        if changes:
            await contact.save()
            await recorded(author.user_id, contact, "updated", changes, announce=False)
            changed.append(contact.id)
    announce_contacts(author.account_id, action, changed)
    return len(changed)
