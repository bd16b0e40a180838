"""The account's tags. Contacts carry tags by name, so renaming or deleting a tag rewrites
every contact of the account that carries it (all of them, not only those the caller sees:
a tag belongs to the account). Those rewrites are not contact activities: the contact's tags
did not change in meaning, and one rename must not write a log entry per contact."""

from collections.abc import Iterable
from contextlib import suppress

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.models.contact import Contact
from shared.models.crm_tag import CrmTag
from shared.utilities.errors import Conflict
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import TenantRepository

AccountId = str | PydanticObjectId


TAG_SORTS = ("created_at", "updated_at", "name")


def tags(account_id: AccountId) -> TenantRepository[CrmTag]:
    return TenantRepository(CrmTag, account_id, TAG_SORTS)


async def list_tags(
    account_id: AccountId, params: PageParams, contacts: TenantRepository[Contact]
) -> tuple[Page[CrmTag], dict[str, int]]:
    """A page of tags, and how many live contacts of `contacts` carry each."""
    page = await tags(account_id).paginate(params)
    names = [tag.name for tag in page.data]
    carrying = {"deleted_at": None, "tags": {"$in": names}}
    pipeline = [
        {"$match": contacts.scoped(carrying)},
        {"$unwind": "$tags"},
        {"$match": {"tags": {"$in": names}}},
        {"$group": {"_id": "$tags", "count": {"$sum": 1}}},
    ]
    counts = await Contact.aggregate(pipeline).to_list()
    return page, {count["_id"]: count["count"] for count in counts}


async def count_carrying(contacts: TenantRepository[Contact], name: str) -> int:
    return await contacts.count({"deleted_at": None, "tags": name})


async def get_tag(account_id: AccountId, tag_id: str) -> CrmTag:
    return await tags(account_id).get(tag_id)


async def create_tag(account_id: AccountId, name: str) -> CrmTag:
    if await tags(account_id).count({"name": name}):
        raise name_taken(name)
    try:
        return await tags(account_id).create(name=name)
    except DuplicateKeyError:
        raise name_taken(name) from None


async def ensure_tags(account_id: AccountId, names: Iterable[str]) -> None:
    """Creates the tags a contact is given that the account does not have yet."""
    wanted = set(names)
    existing = await tags(account_id).list({"name": {"$in": list(wanted)}}, limit=0)
    for name in wanted - {tag.name for tag in existing}:
        # Created meanwhile by another request: what we wanted.
        with suppress(DuplicateKeyError):
            await tags(account_id).create(name=name)


async def rename_tag(account_id: AccountId, tag_id: str, name: str) -> CrmTag:
    tag = await get_tag(account_id, tag_id)
    if name == tag.name:
        return tag
    if await tags(account_id).count({"name": name}):
        raise name_taken(name)
    carriers = carrying(account_id, tag.name)
    # Two steps, as mongomock has no positional `tags.$` update: add the new name, then pull
    # the old one (a contact carrying both ends with the new name once).
    await carriers.update({"$addToSet": {"tags": name}})
    await carrying(account_id, tag.name).update({"$pull": {"tags": tag.name}})
    tag.name = name
    await tag.save()
    return tag


async def delete_tag(account_id: AccountId, tag_id: str) -> None:
    tag = await get_tag(account_id, tag_id)
    await carrying(account_id, tag.name).update({"$pull": {"tags": tag.name}})
    await tag.delete()


def carrying(account_id: AccountId, name: str):
    """Every contact of the account carrying the tag, deleted ones included."""
    return Contact.find(TenantRepository(Contact, account_id).scoped({"tags": name}))


def name_taken(name: str) -> Conflict:
    return Conflict(f"The tag {name} already exists.", details=[{"field": "body.name"}])
