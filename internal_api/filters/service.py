"""Saved list filters, private to the user who saved them: another user's, even in the same
account, answers 404. Conditions are checked when saved, as they would be when used."""

from collections.abc import Mapping
from typing import Any

from beanie import PydanticObjectId

from internal_api.crm.contacts.filtering import conditions_filter
from internal_api.filters.schemas import SavedFilterCreate, SavedFilterUpdate
from shared.models.filter import FilterCondition, SavedFilter
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import TenantRepository


class UserFilters(TenantRepository[SavedFilter]):
    """The caller's saved filters in their account."""

    def __init__(self, principal: Principal) -> None:
        super().__init__(SavedFilter, principal.account_id)
        self.user_id = PydanticObjectId(principal.sub)

    def scoped(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {**super().scoped(filters), "user_id": self.user_id}


async def list_filters(principal: Principal, params: PageParams) -> Page[SavedFilter]:
    return await UserFilters(principal).paginate(params)


async def get_filter(principal: Principal, filter_id: str) -> SavedFilter:
    return await UserFilters(principal).get(filter_id)


async def create_filter(principal: Principal, data: SavedFilterCreate) -> SavedFilter:
    await check_conditions(principal, data.conditions)
    filters = UserFilters(principal)
    return await filters.create(user_id=filters.user_id, **data.model_dump())


async def update_filter(
    principal: Principal, filter_id: str, data: SavedFilterUpdate
) -> SavedFilter:
    saved = await get_filter(principal, filter_id)
    if data.conditions is not None:
        await check_conditions(principal, data.conditions)
    changes = data.model_dump(exclude_unset=True)
    # Null clears the search words; the other fields keep their value.
    for name, value in changes.items():
        if value is not None or name == "q":
            setattr(saved, name, value)
    await saved.save()
    return saved


async def delete_filter(principal: Principal, filter_id: str) -> None:
    await UserFilters(principal).delete(filter_id)


async def check_conditions(principal: Principal, conditions: list[FilterCondition]) -> None:
    """422 naming a condition the contact list would refuse."""
    await conditions_filter(PydanticObjectId(principal.account_id), conditions, "body.conditions")
