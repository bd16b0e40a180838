"""The signed-in user, where they act, and their profile."""

from dataclasses import dataclass

from internal_api.accounts.repository import account
from internal_api.users import repository as users
from internal_api.users.schemas import UserUpdate
from shared.models.account import Account
from shared.models.membership import Role
from shared.models.user import User
from shared.utilities.auth import Principal
from shared.utilities.errors import NotFound


@dataclass(frozen=True)
class Me:
    user: User
    account: Account  # the active account
    role: Role
    scopes: list[str]


async def me(principal: Principal) -> Me:
    user = await users.user(principal.sub)
    active = await account(principal.account_id)
    if user is None or active is None:
        # Deleted since the token was minted (it lives five minutes at most).
        raise NotFound("The user or the account no longer exists.")
    return Me(user, active, Role(principal.role), principal.scopes)


async def update_me(principal: Principal, update: UserUpdate) -> Me:
    changes = update.model_dump(mode="json", exclude_unset=True)
    user = await users.user(principal.sub)
    if user and changes:
        await user.set(changes)
    return await me(principal)
