"""Record-level visibility, and the caller every CRM service acts for.

An account may limit its members to the contacts and deals they own or follow; owners and
admins see everything. A hidden record answers 404 like a missing one, because every CRM
query goes through the caller's repository, narrowed by `visibility_in`.

A CRM service function takes a `Caller` first: the signed-in user, the records of their
account they see, and the account's locale. A module's `auth.py` makes it a dependency:

    ContactsWrite = Annotated[Caller[ContactRepository],
                              Depends(caller_for(ContactRepository, "contacts:write"))]
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Generic, Protocol, TypeVar

from beanie import PydanticObjectId
from fastapi import Depends

from internal_api.dependencies import Settings
from shared.domain.accounts import repository as accounts
from shared.domain.accounts.locale import Locale, locale_of
from shared.models.account import Account
from shared.models.membership import Role
from shared.utilities.auth import CurrentUser, Principal, requires
from shared.utilities.repository import DocumentT, TenantRepository

SEES_EVERYTHING = (Role.OWNER, Role.ADMIN)


def visibility_in(principal: Principal, account: Account | None) -> dict[str, Any]:
    """The extra condition on the caller's CRM queries; empty when they see everything."""
    if principal.role in SEES_EVERYTHING:
        return {}
    if account is None or not account.restrict_members_to_own_records:
        return {}
    user = PydanticObjectId(principal.sub)
    return {"$or": [{"owner_id": user}, {"follower_ids": user}]}


async def visibility_filter(principal: Principal) -> dict[str, Any]:
    if principal.role in SEES_EVERYTHING:
        return {}
    return visibility_in(principal, await accounts.account(PydanticObjectId(principal.account_id)))


class VisibleRepository(TenantRepository[DocumentT]):
    """The account's documents the caller may see; the rest answer NotFound."""

    def __init__(
        self,
        model: type[DocumentT],
        account_id: str,
        visibility: Mapping[str, Any],
        sortable: Iterable[str] | None = None,
    ) -> None:
        super().__init__(model, account_id, sortable, visibility=visibility)


class AccountRepository(Protocol):
    @property
    def account_id(self) -> PydanticObjectId: ...


RepositoryT = TypeVar("RepositoryT", bound=AccountRepository)


@dataclass(frozen=True)
class Caller(Generic[RepositoryT]):
    """A signed-in user acting in their account on the records they see, with the account's
    locale (the region of phone numbers, the currency of totals)."""

    principal: Principal
    records: RepositoryT
    locale: Locale

    @property
    def user_id(self) -> PydanticObjectId:
        return PydanticObjectId(self.principal.sub)

    @property
    def account_id(self) -> PydanticObjectId:
        return self.records.account_id


def caller_for(repository: Callable[[str, dict[str, Any]], RepositoryT], *scopes: str) -> Callable:
    """A dependency: the caller, holding every scope, with `repository(account_id,
    visibility)` of the records they see."""

    async def caller(
        principal: Annotated[Principal, Depends(requires(*scopes))], settings: Settings
    ) -> Caller[RepositoryT]:
        account = await accounts.account(PydanticObjectId(principal.account_id))
        records = repository(principal.account_id, visibility_in(principal, account))
        return Caller(principal, records, locale_of(account, settings))

    return caller


def visible(model: type[DocumentT], sortable: Iterable[str] | None = None) -> Callable:
    """A dependency giving the caller's `VisibleRepository` of `model`:
    `Deals = Annotated[VisibleRepository[Deal], Depends(visible(Deal))]`."""

    async def repository(principal: CurrentUser) -> VisibleRepository:
        visibility = await visibility_filter(principal)
        return VisibleRepository(model, principal.account_id, visibility, sortable)

    return repository
