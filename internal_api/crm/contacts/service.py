"""Contacts for a signed-in caller: read through the contacts they see (a hidden one answers
404), written through the one contact write path (`shared.domain.contacts`), which every
other process writing contacts uses too.

Every function takes the caller first (`ContactsRead` / `ContactsWrite` in `auth.py`).
"""

from collections.abc import Sequence

from pydantic import ValidationError

from internal_api.crm.contacts.auth import ContactsCaller
from internal_api.crm.contacts.filtering import contact_filter
from internal_api.crm.contacts.schemas import ContactCreate, ContactSearch, ContactUpdate
from internal_api.crm.query import IN_THE_QUERY, Where, parse
from shared.domain.activities.repository import ActivityRepository
from shared.domain.contacts import bulk, merging, writing
from shared.domain.contacts.writing import Author
from shared.models.contact import Contact
from shared.models.crm_log import CrmLog
from shared.utilities.errors import InvalidInput
from shared.utilities.pagination import Page, PageParams


def author(caller: ContactsCaller) -> Author:
    return Author(caller.records, caller.user_id, caller.locale.phone_region)


def query_search(q: str | None, filters: Sequence[str], deleted: bool) -> ContactSearch:
    """A list query given in a URL (`?q=&filter=&deleted=`) as a search; what it refuses is
    named by the URL's parameters (the body's `conditions` are the URL's `filter`)."""
    conditions = [parse(text) for text in filters]
    try:
        return ContactSearch(q=q, conditions=conditions, deleted=deleted)
    except ValidationError as error:
        details = [
            {"field": query_parameter(item["loc"]), "message": item["msg"]}
            for item in error.errors()
        ]
        raise InvalidInput(
            "Some list parameters are invalid.", details=details, location="query"
        ) from None


def query_parameter(location: tuple) -> str:
    first, *rest = map(str, location)
    return ".".join([IN_THE_QUERY.conditions if first == "conditions" else first, *rest])


async def list_contacts(
    caller: ContactsCaller, params: PageParams, search: ContactSearch, where: Where
) -> Page[Contact]:
    """`where` names where the search came from (the query string or a body), for a 422."""
    filters = await contact_filter(caller.account_id, search, where)
    return await caller.records.paginate(params, filters)


async def get_contact(caller: ContactsCaller, contact_id: str) -> Contact:
    """A contact, deleted or not (a deleted one can be read and restored)."""
    return await caller.records.get(contact_id)


async def create_contact(caller: ContactsCaller, data: ContactCreate) -> Contact:
    return await writing.create_contact(author(caller), data.model_dump(exclude_unset=True))


async def update_contact(caller: ContactsCaller, contact_id: str, data: ContactUpdate) -> Contact:
    contact = await get_contact(caller, contact_id)
    fields = data.model_dump(exclude_unset=True)
    return await writing.update_contact(author(caller), contact, fields)


async def delete_contact(caller: ContactsCaller, contact_id: str) -> None:
    await writing.delete_contact(author(caller), await get_contact(caller, contact_id))


async def restore_contact(caller: ContactsCaller, contact_id: str) -> Contact:
    return await writing.restore_contact(author(caller), await get_contact(caller, contact_id))


async def merge_contacts(caller: ContactsCaller, survivor_id: str, merged_id: str) -> Contact:
    survivor = await get_contact(caller, survivor_id)
    merged = await get_contact(caller, merged_id)
    return await merging.merge_contacts(author(caller), survivor, merged)


async def delete_contacts(caller: ContactsCaller, ids: Sequence[str]) -> int:
    return await bulk.delete_contacts(author(caller), ids)


async def tag_contacts(caller: ContactsCaller, ids: Sequence[str], tags: Sequence[str]) -> int:
    return await bulk.tag_contacts(author(caller), ids, tags)


async def untag_contacts(caller: ContactsCaller, ids: Sequence[str], tags: Sequence[str]) -> int:
    return await bulk.untag_contacts(author(caller), ids, tags)


async def list_activities(
    caller: ContactsCaller, contact_id: str, params: PageParams
) -> Page[CrmLog]:
    """The contact's history, once the caller may see the contact."""
    contact = await get_contact(caller, contact_id)
    activities = ActivityRepository(caller.account_id)
    return await activities.paginate(params, activities.of_record("contact", contact.id))
