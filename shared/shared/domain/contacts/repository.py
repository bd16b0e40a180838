"""Every query of the contact write path and of the CRM modules built on it: contacts, the
account's tags and its custom field definitions.

A `ContactRepository` is an account's contacts, or only those a user sees when given their
`visibility` condition (a member limited to their own records): a hidden contact answers 404
like a missing one. Rules that hold across the account (one live contact per email, a
business's name on every person linked to it, a tag renamed everywhere) use `whole_account()`.
"""

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING

from shared.models import ALL_MODELS
from shared.models.contact import Contact
from shared.models.crm_tag import CrmTag
from shared.models.custom_field import CustomField
from shared.utilities.repository import TenantRepository, object_id

CUSTOM = "custom."
# A sort option served by a stored key of another name.
STORED_SORT_KEYS = {"display_name": "sort_name"}
SORTABLE = frozenset(
    {"created_at", "updated_at", "display_name", "first_name", "last_name", "name"}
)


@dataclass(frozen=True)
class Reference:
    """A field of another collection that holds a contact's id (or a list of them)."""

    collection: str
    field: str
    is_list: bool = False
    only: dict[str, Any] = dataclasses.field(default_factory=dict)  # which documents of it do


# Where the CRM modules keep a contact's id. A collection is moved once its model is in
# `ALL_MODELS`, so a module's references are moved from the day it lands.
REFERENCES = (
    Reference("crm_notes", "contact_id"),
    Reference("deals", "contact_ids", is_list=True),
    Reference("crm_logs", "entity_id", only={"entity_type": "contact"}),
    Reference("contacts", "business_id"),
    Reference("leads", "contact_id"),
)


class ContactRepository(TenantRepository[Contact]):
    """Sorts by `SORTABLE` and by a custom field (`custom.<key>`, the account's keys)."""

    noun = "Contact"
    sortable = SORTABLE

    def __init__(
        self, account_id: str | PydanticObjectId, visibility: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(Contact, account_id, visibility=visibility)

    def whole_account(self) -> "ContactRepository":
        return ContactRepository(self.account_id)

    def check_sortable(self, sort: str) -> None:
        if not sort.removeprefix("-").startswith(CUSTOM):
            super().check_sortable(sort)

    async def sorted_by_custom(
        self, filters: Mapping[str, Any] | None, key: str, direction: int, skip: int, limit: int
    ) -> list[Contact]:
        """Sorted by the value of one custom field, contacts without one first (ascending).
        No index can order the attribute pattern's values, so MongoDB sorts the matching
        contacts itself."""
        value_of_key = {
            "$arrayElemAt": [
                {
                    "$map": {
                        "input": {
                            "$filter": {
                                "input": "$custom_values",
                                "cond": {"$eq": ["$$this.field", key]},
                            }
                        },
                        "in": "$$this.value",
                    }
                },
                0,
            ]
        }
        pipeline: list[dict[str, Any]] = [
            {"$match": self.scoped(filters)},
            {"$addFields": {"_sort": value_of_key}},
            {"$sort": {"_sort": direction, "_id": direction}},
            {"$skip": skip},
            *([{"$limit": limit}] if limit else []),
            {"$project": {"_sort": 0}},
        ]
        found = await self.model.aggregate(pipeline, allowDiskUse=True).to_list()
        return [Contact.model_validate(raw) for raw in found]

    async def live(self, ids: Iterable[str]) -> list[Contact]:
        """The live contacts among these ids (ids that are not ObjectIds match nothing)."""
        oids = [oid for oid in map(object_id, ids) if oid]
        return await self.list({"_id": {"$in": oids}, "deleted_at": None}, limit=0)

    async def holding_emails(
        self, emails: Iterable[str], excluding: Iterable[PydanticObjectId] = ()
    ) -> list[Contact]:
        """Live contacts holding any of the emails, but those excluded (the contacts being
        written): the clashes of one write, or of a whole batch in one query."""
        held: dict[str, Any] = {"emails": {"$in": list(emails)}, "deleted_at": None}
        others = [oid for oid in excluding if oid]
        if others:
            held["_id"] = {"$nin": others}
        return await self.list(held, limit=0)

    async def holding_phones(self, phones: Iterable[str]) -> list[Contact]:
        """Live contacts holding any of the phones (E.164): the matches of a batch updating
        existing contacts, in one query."""
        return await self.list({"phones": {"$in": list(phones)}, "deleted_at": None}, limit=0)

    async def reachable_at(self, email: str | None, phone: str | None) -> Contact | None:
        """The first live contact with this email or this phone (a provider's caller)."""
        same = [{"emails": email}] if email else []
        same += [{"phones": phone}] if phone else []
        if not same:
            return None
        found = await self.list({"deleted_at": None, "$or": same}, limit=1, sort="created_at")
        return found[0] if found else None

    async def linked_to(self, business_id: PydanticObjectId) -> list[Contact]:
        return await self.list({"business_id": business_id}, limit=0)

    async def insert_many(self, contacts: Sequence[Contact]) -> None:
        """Many new contacts of this account in one round trip (a batch of an import)."""
        if contacts:
            assert all(contact.account_id == self.account_id for contact in contacts)
            await Contact.insert_many(list(contacts))

    async def count_tagged(self, names: Sequence[str]) -> dict[str, int]:
        """How many live contacts carry each of these tags."""
        pipeline = [
            {"$match": self.scoped({"deleted_at": None, "tags": {"$in": list(names)}})},
            {"$unwind": "$tags"},
            {"$match": {"tags": {"$in": list(names)}}},
            {"$group": {"_id": "$tags", "count": {"$sum": 1}}},
        ]
        counts = await self.model.aggregate(pipeline).to_list()
        return {count["_id"]: count["count"] for count in counts}

    async def rename_tag(self, old: str, new: str) -> None:
        """The tag renamed on every contact carrying it, deleted ones included. Two steps, as
        mongomock has no positional `tags.$` update: add the new name, then pull the old one
        (a contact carrying both ends with the new name once)."""
        await self.model.find(self.scoped({"tags": old})).update({"$addToSet": {"tags": new}})
        await self.remove_tag(old)

    async def remove_tag(self, name: str) -> None:
        await self.model.find(self.scoped({"tags": name})).update({"$pull": {"tags": name}})

    async def count_holding(self, key: str, value: Any) -> int:
        """How many contacts hold a value of the custom field matching `value` (a MongoDB
        condition), served by the `(account_id, custom_values.field, custom_values.value)`
        index."""
        return await self.count({"custom_values": {"$elemMatch": {"field": key, "value": value}}})

    async def remove_custom_values(self, key: str) -> None:
        holders = self.model.find(self.scoped({"custom_values.field": key}))
        await holders.update({"$pull": {"custom_values": {"field": key}}})

    async def repoint(self, merged: PydanticObjectId, survivor: PydanticObjectId) -> None:
        """Whatever pointed at the merged contact (`REFERENCES`) points at the survivor."""
        models = {model.get_settings().name: model for model in ALL_MODELS}
        for reference in REFERENCES:
            model = models.get(reference.collection)
            if model is None:
                continue
            others = TenantRepository(model, self.account_id)
            pointing = others.scoped({**reference.only, reference.field: merged})
            if reference.is_list:
                await model.find(pointing).update({"$addToSet": {reference.field: survivor}})
                await model.find(pointing).update({"$pull": {reference.field: merged}})
            else:
                await model.find(pointing).update({"$set": {reference.field: survivor}})

    # Last in the class: below it, `list` names this method, not the type.
    async def list(
        self,
        filters: Mapping[str, Any] | None = None,
        *,
        skip: int = 0,
        limit: int = 25,
        sort: str = "-created_at",
    ) -> list[Contact]:
        self.check_sortable(sort)
        direction = DESCENDING if sort.startswith("-") else ASCENDING
        field = sort.removeprefix("-")
        if field.startswith(CUSTOM):
            return await self.sorted_by_custom(
                filters, field.removeprefix(CUSTOM), direction, skip, limit
            )
        key = STORED_SORT_KEYS.get(field, field)
        # Ties (the same millisecond, the same name) are broken by id, in the same direction.
        query = self.model.find(self.scoped(filters)).sort((key, direction), ("_id", direction))
        return await query.skip(skip).limit(limit).to_list()


class TagRepository(TenantRepository[CrmTag]):
    noun = "Tag"
    sortable = frozenset({"created_at", "updated_at", "name"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(CrmTag, account_id)

    async def named(self, names: Iterable[str]) -> list[CrmTag]:
        return await self.list({"name": {"$in": list(names)}}, limit=0)


class CustomFieldRepository(TenantRepository[CustomField]):
    noun = "Custom field"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(CustomField, account_id)

    async def keyed(self, keys: Iterable[str] | None = None) -> dict[str, CustomField]:
        """The account's definitions by key: those of `keys`, or all of them."""
        filters = {"key": {"$in": list(keys)}} if keys is not None else {}
        return {field.key: field for field in await self.list(filters, limit=0)}
