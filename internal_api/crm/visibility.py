"""Record-level visibility: an account may limit its members to the contacts and deals they own
or follow. Owners and admins see everything. A hidden record answers 404 like a missing one,
because every CRM query goes through `VisibleRepository`."""

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from beanie import PydanticObjectId

from shared.models.account import Account
from shared.models.base import TenantDocument
from shared.models.membership import Role
from shared.utilities.auth import CurrentUser, Principal
from shared.utilities.repository import DocumentT, TenantRepository

SEES_EVERYTHING = (Role.OWNER, Role.ADMIN)


async def visibility_filter(principal: Principal) -> dict[str, Any]:
    """The extra condition on the caller's CRM queries; empty when they see everything."""
    if principal.role in SEES_EVERYTHING:
        return {}
    account = await Account.get(PydanticObjectId(principal.account_id))
    if account is None or not account.restrict_members_to_own_records:
        return {}
    user = PydanticObjectId(principal.sub)
    return {"$or": [{"owner_id": user}, {"follower_ids": user}]}


class VisibleRepository(TenantRepository[DocumentT]):
    """The account's documents the caller may see; the rest answer NotFound."""

    def __init__(
        self,
        model: type[DocumentT],
        account_id: str,
        visibility: Mapping[str, Any],
        sortable: Iterable[str] | None = None,
    ) -> None:
        super().__init__(model, account_id, sortable)
        self.visibility = dict(visibility)

    def scoped(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        tenant = super().scoped(filters)
        return {"$and": [tenant, self.visibility]} if self.visibility else tenant


def visible(model: type[TenantDocument], sortable: Iterable[str] | None = None) -> Callable:
    """A dependency giving the caller's `VisibleRepository` of `model`:
    `Contacts = Annotated[VisibleRepository[Contact], Depends(visible(Contact))]`."""

    async def repository(principal: CurrentUser) -> VisibleRepository:
        visibility = await visibility_filter(principal)
        return VisibleRepository(model, principal.account_id, visibility, sortable)

    return repository
