"""Saved list filters, private to the user who saved them. Conditions, words and sort are
checked when saved, as the contact list would check them when used."""

from typing import Any

from beanie import PydanticObjectId

from internal_api.crm.contacts.filtering import conditions_filter, search_filter
from internal_api.crm.query import IN_THE_BODY, ConditionWrite
from internal_api.filters.repository import SavedFilterRepository
from internal_api.filters.schemas import SavedFilterCreate, SavedFilterUpdate
from shared.domain.contacts.repository import CUSTOM, ContactRepository
from shared.models.filter import SavedFilter
from shared.utilities.auth import Principal
from shared.utilities.errors import InvalidInput
from shared.utilities.pagination import Page, PageParams


async def list_filters(principal: Principal, params: PageParams) -> Page[SavedFilter]:
    return await SavedFilterRepository(principal).paginate(params)


async def get_filter(principal: Principal, filter_id: str) -> SavedFilter:
    return await SavedFilterRepository(principal).get(filter_id)


async def create_filter(principal: Principal, data: SavedFilterCreate) -> SavedFilter:
    await check_list_query(principal, data.model_dump(exclude_unset=True), data.conditions)
    filters = SavedFilterRepository(principal)
    fields = data.model_dump(exclude={"conditions"})
    conditions = [condition.stored() for condition in data.conditions]
    return await filters.create(user_id=filters.user_id, conditions=conditions, **fields)


async def update_filter(
    principal: Principal, filter_id: str, data: SavedFilterUpdate
) -> SavedFilter:
    saved = await get_filter(principal, filter_id)
    changes = data.model_dump(exclude_unset=True, exclude={"conditions"})
    await check_list_query(principal, changes, data.conditions or [])
    if data.conditions is not None:
        saved.conditions = [condition.stored() for condition in data.conditions]
    # Null clears the search words; the other fields keep their value.
    for name, value in changes.items():
        if value is not None or name == "q":
            setattr(saved, name, value)
    await saved.save()
    return saved


async def delete_filter(principal: Principal, filter_id: str) -> None:
    await SavedFilterRepository(principal).delete(filter_id)


async def check_list_query(
    principal: Principal, fields: dict[str, Any], conditions: list[ConditionWrite]
) -> None:
    """422 naming a condition, search words or a sort the contact list would refuse."""
    search_filter(fields.get("q"), IN_THE_BODY)
    if sort := fields.get("sort"):
        check_sort(sort)
    await conditions_filter(PydanticObjectId(principal.account_id), conditions, IN_THE_BODY)


def check_sort(sort: str) -> None:
    field = sort.removeprefix("-")
    if field not in ContactRepository.sortable and not field.startswith(CUSTOM):
        allowed = ", ".join(sorted(ContactRepository.sortable))
        raise InvalidInput(
            f"Contacts cannot be sorted by {field}; sort by one of {allowed} or custom.<key>.",
            details=[{"field": "sort", "message": f"one of {allowed}, or custom.<key>"}],
        )
