"""Changes to many contacts at once: all or nothing. Every id must be a live contact the
caller sees, else 404 naming the missing ids and nothing changes."""

from collections.abc import Callable, Sequence

from internal_api.activities.service import changes_between
from internal_api.crm.contacts.service import Caller, record, snapshot, soft_delete
from internal_api.crm.tags.service import ensure_tags
from shared.models.contact import Contact
from shared.utilities.errors import NotFound
from shared.utilities.repository import object_id


async def live_contacts(caller: Caller, ids: Sequence[str]) -> list[Contact]:
    oids = [oid for oid in map(object_id, ids) if oid]
    found = await caller.contacts.list({"_id": {"$in": oids}, "deleted_at": None}, limit=0)
    found_ids = {str(contact.id) for contact in found}
    missing = [contact_id for contact_id in dict.fromkeys(ids) if contact_id not in found_ids]
    if missing:
        raise NotFound(
            f"Contacts not found: {', '.join(missing)}.",
            details=[{"id": contact_id} for contact_id in missing],
        )
    return found


async def delete_contacts(caller: Caller, ids: Sequence[str]) -> int:
    contacts = await live_contacts(caller, ids)
    for contact in contacts:
        await soft_delete(caller, contact)
    return len(contacts)


async def tag_contacts(caller: Caller, ids: Sequence[str], tags: Sequence[str]) -> int:
    await ensure_tags(caller.account_id, tags)
    return await retag(caller, ids, lambda current: list(dict.fromkeys([*current, *tags])))


async def untag_contacts(caller: Caller, ids: Sequence[str], tags: Sequence[str]) -> int:
    return await retag(caller, ids, lambda current: [tag for tag in current if tag not in tags])


async def retag(
    caller: Caller, ids: Sequence[str], new_tags: Callable[[list[str]], list[str]]
) -> int:
    """Gives each contact `new_tags(its tags)`; the number of contacts that changed."""
    changed = 0
    for contact in await live_contacts(caller, ids):
        before = snapshot(contact)
        contact.tags = new_tags(contact.tags)
        changes = changes_between(before, snapshot(contact))
        if changes:
            await contact.save()
            await record(caller, contact, "updated", changes)
            changed += 1
    return changed
