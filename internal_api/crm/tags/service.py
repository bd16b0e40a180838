"""The account's tags. Contacts carry tags by name, so renaming or deleting a tag rewrites
every contact of the account that carries it (all of them, not only those the caller sees:
a tag belongs to the account). Those rewrites are not contact activities: the contact's tags
did not change in meaning, and one rename must not write a log entry per contact. Counts are
of the live contacts the caller sees."""

from dataclasses import dataclass
from datetime import datetime

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from internal_api.crm.contacts.auth import ContactsCaller
from shared.domain.contacts.repository import TagRepository
from shared.models.crm_tag import CrmTag
from shared.utilities.errors import Conflict
from shared.utilities.pagination import Page, PageParams


class TagNameTaken(Conflict):
    """The account already has a tag of this name."""

    code = "tag_name_taken"


@dataclass(frozen=True)
class CountedTag:
    """A tag, and how many live contacts the caller sees carry it."""

    id: PydanticObjectId | None
    name: str
    created_at: datetime
    contact_count: int


def counted(tag: CrmTag, contact_count: int) -> CountedTag:
    return CountedTag(tag.id, tag.name, tag.created_at, contact_count)


def tags(caller: ContactsCaller) -> TagRepository:
    return TagRepository(caller.account_id)


async def list_tags(caller: ContactsCaller, params: PageParams) -> Page[CountedTag]:
    page = await tags(caller).paginate(params)
    counts = await caller.records.count_tagged([tag.name for tag in page.data])
    data = [counted(tag, counts.get(tag.name, 0)) for tag in page.data]
    return Page[CountedTag](data=data, pagination=page.pagination)


async def get_tag(caller: ContactsCaller, tag_id: str) -> CountedTag:
    tag = await tags(caller).get(tag_id)
    return counted(tag, (await caller.records.count_tagged([tag.name])).get(tag.name, 0))


async def create_tag(caller: ContactsCaller, name: str) -> CountedTag:
    if await tags(caller).count({"name": name}):
        raise name_taken(name)
    try:
        return counted(await tags(caller).create(name=name), 0)
    except DuplicateKeyError:  # a concurrent create won the race the count checked for
        raise name_taken(name) from None


async def rename_tag(caller: ContactsCaller, tag_id: str, name: str | None) -> CountedTag:
    """The tag under `name` on every contact carrying it (no name: the tag as it is)."""
    tag = await tags(caller).get(tag_id)
    if name is not None and name != tag.name:
        if await tags(caller).count({"name": name}):
            raise name_taken(name)
        await caller.records.whole_account().rename_tag(tag.name, name)
        tag.name = name
        await tag.save()
    return await get_tag(caller, tag_id)


async def delete_tag(caller: ContactsCaller, tag_id: str) -> None:
    tag = await tags(caller).get(tag_id)
    await caller.records.whole_account().remove_tag(tag.name)
    await tag.delete()


def name_taken(name: str) -> TagNameTaken:
    return TagNameTaken(f"The tag {name} already exists.", details=[{"field": "name"}])
