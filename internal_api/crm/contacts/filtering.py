"""What contact lists may be filtered on, and the MongoDB filter of a list query.

Fields are named as stored (`emails`, `phones`, `address.city`, `company_name`) and custom
fields as `custom.<key>`; see `internal_api.crm.query` for the syntax and the operators.
"""

from collections.abc import Iterable, Sequence
from typing import Any

from beanie import PydanticObjectId

from internal_api.crm.contacts.schemas import ContactSearch
from internal_api.crm.custom_fields.service import definitions
from internal_api.crm.query import Filterable, Kind, mongo_filter
from shared.models.custom_field import CustomFieldType
from shared.models.filter import FilterCondition
from shared.utilities.contact_search import query_terms

TEXT_FIELDS = (
    "type",
    "first_name",
    "last_name",
    "name",
    "company_name",
    "emails",
    "phones",
    "website",
    "source",
    "tags",
    "address.city",
    "address.region",
    "address.postal_code",
    "address.country",
)
ID_FIELDS = ("owner_id", "follower_ids", "business_id")
DATETIME_FIELDS = ("created_at", "updated_at", "deleted_at")

CONTACT_FIELDS: dict[str, Filterable] = {
    **{name: Filterable(Kind.TEXT, name) for name in TEXT_FIELDS},
    **{name: Filterable(Kind.ID, name) for name in ID_FIELDS},
    **{name: Filterable(Kind.DATETIME, name) for name in DATETIME_FIELDS},
}

CUSTOM_KINDS = {
    CustomFieldType.TEXT: Kind.TEXT,
    CustomFieldType.NUMBER: Kind.NUMBER,
    CustomFieldType.DATE: Kind.DATE,
    CustomFieldType.SELECT: Kind.TEXT,
    CustomFieldType.MULTI_SELECT: Kind.TEXT,
}
CUSTOM = "custom."


async def filterable_fields(
    account_id: PydanticObjectId, names: Iterable[str]
) -> dict[str, Filterable]:
    """The contact fields, and those of the account's custom fields among `names`."""
    keys = [name.removeprefix(CUSTOM) for name in names if name.startswith(CUSTOM)]
    found = await definitions(account_id).list({"key": {"$in": keys}}, limit=0) if keys else []
    custom = {
        f"{CUSTOM}{field.key}": Filterable(CUSTOM_KINDS[field.type], "custom_values", field.key)
        for field in found
    }
    return CONTACT_FIELDS | custom


async def conditions_filter(
    account_id: PydanticObjectId, conditions: Sequence[FilterCondition], location: str
) -> dict[str, Any]:
    """The conditions as one MongoDB filter; 422 naming a bad one."""
    fields = await filterable_fields(account_id, [condition.field for condition in conditions])
    return mongo_filter(conditions, fields, location)


async def contact_filter(
    account_id: PydanticObjectId, search: ContactSearch, location: str
) -> dict[str, Any]:
    """Live contacts (deleted ones only with `deleted`), matching every search word and
    every condition."""
    clauses: list[dict[str, Any]] = [{"deleted_at": {"$ne": None} if search.deleted else None}]
    terms = query_terms(search.q or "")
    if terms:
        clauses.append({"search_terms": {"$all": terms}})
    conditions = await conditions_filter(account_id, search.conditions, location)
    if conditions:
        clauses.append(conditions)
    return {"$and": clauses}
