"""The signed-in user, their profile, where they act and where they may act, and the active
account's directory of users."""

from dataclasses import dataclass

from beanie import PydanticObjectId

from internal_api.accounts.repository import account
from internal_api.users import repository as users
from internal_api.users.repository import AccountUser, AccountUsers
from internal_api.users.schemas import UserUpdate
from shared.domain.accounts.users import AGENCY_ROLES_IN_SUB_ACCOUNTS
from shared.models.account import Account, AccountKind
from shared.models.membership import Role
from shared.models.user import User
from shared.utilities.auth import Principal
from shared.utilities.errors import NotFound
from shared.utilities.pagination import Page, PageParams


@dataclass(frozen=True)
class Me:
    user: User
    account: Account  # the active account
    role: Role
    scopes: list[str]
    operator: bool  # one of the platform's operators
    # The operator viewing the platform as the user (read-only), for the dashboard's banner.
    impersonated_by: User | None = None


@dataclass(frozen=True)
class ActingAccount:
    """An account the user may act in, with their role there."""

    account: Account
    role: Role
    active: bool  # the one their session acts in

    @property
    def id(self) -> PydanticObjectId | None:
        return self.account.id

    @property
    def name(self) -> str:
        return self.account.name

    @property
    def kind(self) -> AccountKind:
        return self.account.kind

    @property
    def parent_id(self) -> PydanticObjectId | None:
        return self.account.parent_id

    @property
    def logo_url(self) -> str | None:
        return self.account.branding.logo_url


async def me(principal: Principal) -> Me:
    user = await users.user(principal.sub)
    if user is None:
        # Deleted since the token was minted (it lives five minutes at most).
        raise NotFound("The user no longer exists.")
    operator = await users.user(principal.impersonated_by) if principal.impersonated_by else None
    account = await active_account(principal)
    return Me(user, account, Role(principal.role), principal.scopes, principal.operator, operator)


async def active_account(principal: Principal) -> Account:
    found = await account(principal.account_id)
    if found is None:
        # Deleted since the token was minted.
        raise NotFound(f"Account {principal.account_id} does not exist.")
    return found


async def list_users(
    principal: Principal, params: PageParams, search: str | None, role: Role | None
) -> Page[AccountUser]:
    """The active account's users: its members, and in a sub-account the agency's owners and
    admins (marked `via_agency`)."""
    return await AccountUsers(await active_account(principal)).paginate(params, search, role)


async def acting_accounts(principal: Principal, params: PageParams) -> Page[ActingAccount]:
    """The accounts the caller is a member of, and every sub-account of the agencies they own
    or administer (where they act as an admin), the active one marked."""
    memberships = await users.memberships_of(principal.sub)
    roles = {str(membership.account_id): membership.role for membership in memberships}
    agencies = [
        membership.account_id
        for membership in memberships
        if membership.role in AGENCY_ROLES_IN_SUB_ACCOUNTS
    ]
    member_of = [membership.account_id for membership in memberships]
    page = await users.accounts_page(member_of, agencies, params)
    listed = [
        # Without a membership, a sub-account of an agency they own or administer.
        ActingAccount(
            found, roles.get(str(found.id), Role.ADMIN), str(found.id) == principal.account_id
        )
        for found in page.data
    ]
    return Page[ActingAccount](data=listed, pagination=page.pagination)


async def update_me(principal: Principal, update: UserUpdate) -> Me:
    changes = update.model_dump(mode="json", exclude_unset=True)
    user = await users.user(principal.sub)
    if user and changes:
        await user.set(changes)
    return await me(principal)
