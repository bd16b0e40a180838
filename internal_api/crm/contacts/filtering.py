"""What contact lists may be filtered on, and the MongoDB filter of a list query.

Fields are named as stored (`emails`, `phones`, `address.city`, `company_name`) and custom
fields as `custom.<key>`; see `internal_api.crm.query` for the syntax and the operators.
"""

from collections.abc import Iterable, Sequence
from typing import Any

from beanie import PydanticObjectId

from internal_api.crm.contacts.schemas import ContactSearch
from internal_api.crm.query import ConditionWrite, Filterable, Kind, Where, mongo_filter
from shared.domain.contacts.errors import UnsearchableQuery
from shared.domain.contacts.repository import CUSTOM, CustomFieldRepository
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


async def filterable_fields(
    account_id: PydanticObjectId, names: Iterable[str]
) -> dict[str, Filterable]:
    """The contact fields, and those of the account's custom fields among `names`."""
    keys = [name.removeprefix(CUSTOM) for name in names if name.startswith(CUSTOM)]
    found = await CustomFieldRepository(account_id).keyed(keys) if keys else {}
    custom = {
        f"{CUSTOM}{field.key}": Filterable(CUSTOM_KINDS[field.type], "custom_values", field.key)
        for field in found.values()
    }
    return CONTACT_FIELDS | custom


async def conditions_filter(
    account_id: PydanticObjectId,
    conditions: Sequence[FilterCondition | ConditionWrite],
    where: Where,
) -> dict[str, Any]:
    """The conditions as one MongoDB filter; 422 naming a bad one."""
    fields = await filterable_fields(account_id, [condition.field for condition in conditions])
    return mongo_filter(conditions, fields, where)


def search_filter(q: str | None, where: Where) -> dict[str, Any]:
    """Contacts holding a term starting with each word of `q`: `UnsearchableQuery` for words
    with no letter or digit (`!!!`), which would otherwise match every contact."""
    if not q or not q.strip():
        return {}
    terms = query_terms(q)
    if not terms:
        raise UnsearchableQuery(
            f"Nothing to search for in {q!r}: use letters or digits.",
            details=[{"field": where.q, "message": "no letter or digit to search for"}],
            location=where.location,
        )
    return {"search_terms": {"$all": terms}}


async def contact_filter(
    account_id: PydanticObjectId, search: ContactSearch, where: Where
) -> dict[str, Any]:
    """Live contacts (deleted ones only with `deleted`), matching every search word and
    every condition."""
    clauses: list[dict[str, Any]] = [{"deleted_at": {"$ne": None} if search.deleted else None}]
    if words := search_filter(search.q, where):
        clauses.append(words)
    if conditions := await conditions_filter(account_id, search.conditions, where):
        clauses.append(conditions)
    return {"$and": clauses}
