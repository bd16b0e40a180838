"""Contacts: create, read, change, delete and restore, list and search, each change recorded
in the activity log (old value to new).

Every function acts for a `Caller`: a user and the contacts visible to them (hidden ones
answer 404), or the platform itself, e.g. an import, with all of the account's contacts:
`create_contact(Caller.platform(account_id, "US"), ContactCreate(**row))`. Bulk changes are
in `bulk.py`, merging in `merge.py`.
"""

from dataclasses import dataclass
from typing import Any

from beanie import PydanticObjectId

from internal_api.activities import service as activities
from internal_api.automations import service as automations
from internal_api.crm.contacts import validation
from internal_api.crm.contacts.events import publish_contact_event
from internal_api.crm.contacts.filtering import contact_filter
from internal_api.crm.contacts.schemas import ContactCreate, ContactSearch, ContactUpdate
from internal_api.crm.custom_fields.service import validated_values
from internal_api.crm.tags.service import ensure_tags
from shared.models.base import utc_now
from shared.models.contact import Address, Contact, ContactType, CustomValue
from shared.models.crm_log import CrmLog, FieldChange
from shared.utilities.auth import Principal
from shared.utilities.contact_search import search_terms
from shared.utilities.errors import Conflict
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import TenantRepository

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
}
LIST_FIELDS = ("emails", "phones", "follower_ids", "tags")


@dataclass(frozen=True)
class Caller:
    """Who acts (None: the platform itself), on which contacts, and the country a phone
    number without a country code belongs to when the contact's address names none."""

    actor: Principal | None
    contacts: TenantRepository[Contact]
    phone_region: str

    @property
    def account_id(self) -> PydanticObjectId:
        return self.contacts.account_id

    @classmethod
    def platform(cls, account_id: str | PydanticObjectId, phone_region: str) -> "Caller":
        return cls(None, TenantRepository(Contact, account_id), phone_region)


async def create_contact(caller: Caller, data: ContactCreate) -> Contact:
    """A new contact, owned by the user creating it unless the data names another owner."""
    contact = Contact(account_id=caller.account_id)
    if caller.actor is not None:
        contact.owner_id = PydanticObjectId(caller.actor.sub)
    await apply(caller, contact, data.model_dump(exclude_unset=True))
    await contact.insert()
    await record(caller, contact, "created", activities.changes_between({}, snapshot(contact)))
    return contact


async def get_contact(caller: Caller, contact_id: str) -> Contact:
    """A contact, deleted or not (a deleted one can be read and restored)."""
    return await caller.contacts.get(contact_id)


async def live_contact(caller: Caller, contact_id: str) -> Contact:
    """A contact that is not deleted; a deleted one answers 409 until it is restored."""
    contact = await get_contact(caller, contact_id)
    if contact.deleted_at:
        raise Conflict(f"Contact {contact_id} is deleted; restore it first.")
    return contact


async def update_contact(caller: Caller, contact_id: str, data: ContactUpdate) -> Contact:
    contact = await live_contact(caller, contact_id)
    before = snapshot(contact)
    await apply(caller, contact, data.model_dump(exclude_unset=True))
    changes = activities.changes_between(before, snapshot(contact))
    if changes:
        await contact.save()
        await record(caller, contact, "updated", changes)
        if contact.type == ContactType.BUSINESS and before["name"] != contact.name:
            await refresh_company(contact)
    return contact


async def delete_contact(caller: Caller, contact_id: str) -> None:
    """A soft delete: the contact leaves lists and can be restored. Deleting twice is a no-op."""
    contact = await get_contact(caller, contact_id)
    if not contact.deleted_at:
        await soft_delete(caller, contact)


async def soft_delete(caller: Caller, contact: Contact) -> None:
    contact.deleted_at = utc_now()
    await contact.save()
    deleted = FieldChange(field="deleted_at", old=None, new=contact.deleted_at.isoformat())
    await record(caller, contact, "deleted", [deleted])


async def restore_contact(caller: Caller, contact_id: str) -> Contact:
    """Back in lists, unless it was merged into another contact or its emails have been
    given to another contact meanwhile (409 either way)."""
    contact = await get_contact(caller, contact_id)
    if contact.merged_into:
        raise Conflict(f"Contact {contact_id} was merged into {contact.merged_into}.")
    if contact.deleted_at:
        await validation.check_emails_free(contact)
        restored = FieldChange(field="deleted_at", old=contact.deleted_at.isoformat(), new=None)
        contact.deleted_at = None
        await contact.save()
        await record(caller, contact, "restored", [restored])
    return contact


async def list_contacts(
    caller: Caller, params: PageParams, search: ContactSearch, location: str
) -> Page[Contact]:
    """`location` names where the filter conditions came from, for a 422's details."""
    filters = await contact_filter(caller.account_id, search, location)
    return await caller.contacts.paginate(params, filters)


async def list_activities(caller: Caller, contact_id: str, params: PageParams) -> Page[CrmLog]:
    contact = await get_contact(caller, contact_id)
    return await activities.list_for_record(str(caller.account_id), params, "contact", contact.id)


async def apply(caller: Caller, contact: Contact, fields: dict[str, Any]) -> None:
    """Sets the fields given on the contact, each checked and normalised, then checks the
    contact as a whole. Null clears a field; `custom` changes only the keys it names."""
    fields = dict(fields)
    if "custom" in fields:
        values = await validated_values(caller.account_id, fields.pop("custom") or {})
        contact.custom_values = merged_custom(contact.custom_values, values)
    if fields.get("type") is None:
        fields.pop("type", None)
    for name in LIST_FIELDS:
        if name in fields:
            fields[name] = list(dict.fromkeys(fields[name] or []))
    if "address" in fields:
        address = fields.pop("address")
        contact.address = Address(**address) if address else None
        if contact.address and contact.address.country:
            contact.address.country = contact.address.country.upper()
    if fields.get("website"):
        fields["website"] = str(fields["website"])
    if fields.get("phones"):
        region = contact.address.country if contact.address and contact.address.country else None
        fields["phones"] = validation.e164_phones(fields["phones"], region or caller.phone_region)
    if fields.get("owner_id"):
        [fields["owner_id"]] = await validation.member_ids(
            caller.account_id, [fields["owner_id"]], "body.owner_id"
        )
    if fields.get("follower_ids"):
        fields["follower_ids"] = await validation.member_ids(
            caller.account_id, fields["follower_ids"], "body.follower_ids"
        )
    if "business_id" in fields:
        business_id = fields.pop("business_id")
        business = (
            await validation.linkable_business(caller.contacts, business_id)
            if business_id
            else None
        )
        contact.business_id = business.id if business else None
        contact.company_name = business.name if business else None
    if fields.get("tags"):
        await ensure_tags(caller.account_id, fields["tags"])
    for name, value in fields.items():
        setattr(contact, name, value)
    validation.check_shape(contact)
    await validation.check_emails_free(contact)
    contact.search_terms = search_terms(contact)


def merged_custom(current: list[CustomValue], changes: dict[str, Any]) -> list[CustomValue]:
    """The custom values with `changes` applied by key; a None value removes the key."""
    values = {value.field: value.value for value in current} | changes
    return [
        CustomValue(field=key, value=value) for key, value in values.items() if value is not None
    ]


async def refresh_company(business: Contact) -> None:
    """The people linked to a business carry its name (for search and lists): rewritten on
    every linked person of the account, whoever can see them, when the name changes."""
    linked = TenantRepository(Contact, business.account_id).scoped({"business_id": business.id})
    async for person in Contact.find(linked):
        person.company_name = business.name
        person.search_terms = search_terms(person)
        await person.save()


def snapshot(contact: Contact) -> dict[str, Any]:
    """The tracked fields as JSON values, custom values flattened to `custom.<key>`."""
    values = contact.model_dump(mode="json", include=TRACKED_FIELDS)
    values.update({f"custom.{value.field}": value.value for value in contact.custom_values})
    return values


async def record(caller: Caller, contact: Contact, action: str, changes: list[FieldChange]) -> None:
    """Every change to a contact passes here: it is logged, published for webhooks, and each
    tag it adds fires the automations watching for that tag."""
    await activities.record(
        caller.actor,
        caller.account_id,
        "contact",
        contact.id,
        action,
        changes,  # type: ignore[arg-type]
    )
    publish_contact_event(caller.account_id, action, contact, changes)
    for tag in tags_added(changes):
        await automations.fire(
            caller.account_id, "contact.tag_added", {"tag": tag}, "contact", contact.id
        )


def tags_added(changes: list[FieldChange]) -> list[str]:
    change = next((change for change in changes if change.field == "tags"), None)
    if change is None:
        return []
    before = set(change.old or [])
    return [tag for tag in change.new or [] if tag not in before]
