"""Tags given to a contact exist as the account's tags: made on first use, so the account's
list of tags (with counts) is complete."""

from collections.abc import Iterable
from contextlib import suppress

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.domain.contacts.repository import TagRepository


async def ensure_tags(account_id: PydanticObjectId, names: Iterable[str]) -> None:
    """Makes the tags among `names` that the account does not have yet."""
    wanted = set(names)
    if not wanted:
        return
    tags = TagRepository(account_id)
    existing = {tag.name for tag in await tags.named(wanted)}
    for name in sorted(wanted - existing):
        # Made meanwhile by another write: what we wanted.
        with suppress(DuplicateKeyError):
            await tags.create(name=name)
