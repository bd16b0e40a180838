"""The signed-in user and where they act."""

from dataclasses import dataclass

from beanie import PydanticObjectId

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
    user = await User.get(PydanticObjectId(principal.sub))
    account = await Account.get(PydanticObjectId(principal.account_id))
    if user is None or account is None:
        # Deleted since the token was minted (it lives five minutes at most).
        raise NotFound("The user or the account no longer exists.")
    return Me(user, account, Role(principal.role), principal.scopes)
