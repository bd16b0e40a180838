"""Merging a duplicate into the contact that survives.

The survivor keeps its own values and takes the other's where it has none; emails, phones,
tags and followers are unioned. What pointed at the merged contact points at the survivor
afterwards (`REFERENCES`), and the merged contact is soft-deleted with `merged_into`.
"""

from dataclasses import dataclass, field
from typing import Any

from beanie import PydanticObjectId

from internal_api.activities.service import changes_between
from internal_api.crm.contacts.service import (
    Caller,
    live_contact,
    record,
    refresh_company,
    snapshot,
)
from shared.models import ALL_MODELS
from shared.models.base import utc_now
from shared.models.contact import Contact, ContactType
from shared.models.crm_log import FieldChange
from shared.utilities.contact_search import search_terms
from shared.utilities.errors import InvalidInput
from shared.utilities.repository import TenantRepository

FILLED_FROM_THE_OTHER = (
    "first_name",
    "last_name",
    "name",
    "address",
    "website",
    "source",
    "owner_id",
    "business_id",
    "company_name",
)
UNIONED = ("emails", "phones", "tags", "follower_ids")


@dataclass(frozen=True)
class Reference:
    """A field of another collection that holds a contact's id (or a list of them)."""

    collection: str
    field: str
    is_list: bool = False
    only: dict[str, Any] = field(default_factory=dict)  # which documents of it do


# The field names the CRM modules agreed on. A collection is moved once its model is in
# `ALL_MODELS`, so notes and deals are moved from the day their modules land.
REFERENCES = (
    Reference("crm_notes", "contact_id"),
    Reference("deals", "contact_ids", is_list=True),
    Reference("crm_logs", "entity_id", only={"entity_type": "contact"}),
    Reference("contacts", "business_id"),
)


async def merge_contacts(caller: Caller, survivor_id: str, merged_id: str) -> Contact:
    if survivor_id == merged_id:
        raise InvalidInput(
            "A contact cannot be merged into itself.",
            details=[{"field": "body.contact_id", "message": "the same contact"}],
        )
    survivor = await live_contact(caller, survivor_id)
    merged = await live_contact(caller, merged_id)
    if survivor.type != merged.type:
        raise InvalidInput(
            f"A {merged.type} cannot be merged into a {survivor.type}.",
            details=[{"field": "body.contact_id", "message": f"not a {survivor.type}"}],
        )
    before = snapshot(survivor)
    take_from(survivor, merged)
    # The merged contact is deleted first so its emails, now the survivor's, are free.
    merged.deleted_at, merged.merged_into = utc_now(), survivor.id
    await merged.save()
    await survivor.save()
    await move_references(survivor.account_id, merged.id, survivor.id)  # type: ignore[arg-type]
    if survivor.type == ContactType.BUSINESS:
        await refresh_company(survivor)
    merged_from = FieldChange(field="merged_from", old=None, new=str(merged.id))
    await record(
        caller, survivor, "merged", [*changes_between(before, snapshot(survivor)), merged_from]
    )
    merged_into = FieldChange(field="merged_into", old=None, new=str(survivor.id))
    await record(caller, merged, "merged", [merged_into])
    return survivor


def take_from(survivor: Contact, merged: Contact) -> None:
    for name in FILLED_FROM_THE_OTHER:
        if getattr(survivor, name) is None:
            setattr(survivor, name, getattr(merged, name))
    for name in UNIONED:
        setattr(
            survivor, name, list(dict.fromkeys([*getattr(survivor, name), *getattr(merged, name)]))
        )
    keys = {value.field for value in survivor.custom_values}
    survivor.custom_values += [value for value in merged.custom_values if value.field not in keys]
    survivor.search_terms = search_terms(survivor)


async def move_references(
    account_id: PydanticObjectId, merged: PydanticObjectId, survivor: PydanticObjectId
) -> None:
    models = {model.get_settings().name: model for model in ALL_MODELS}
    for reference in REFERENCES:
        model = models.get(reference.collection)
        if model is None:
            continue
        pointing = TenantRepository(model, account_id).scoped(
            {**reference.only, reference.field: merged}
        )  # type: ignore[arg-type]
        if reference.is_list:
            await model.find(pointing).update({"$addToSet": {reference.field: survivor}})
            await model.find(pointing).update({"$pull": {reference.field: merged}})
        else:
            await model.find(pointing).update({"$set": {reference.field: survivor}})
