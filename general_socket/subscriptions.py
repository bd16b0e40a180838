"""Which accounts' rooms a user may follow besides their own: an account they act in, which
for an agency's owners and admins includes each of its sub-accounts. Any other account
answers as if it did not exist."""

from beanie import PydanticObjectId

from shared.domain.accounts import repository
from shared.domain.accounts.users import effective_membership
from shared.models.account import Account
from shared.utilities.auth import Principal
from shared.utilities.errors import NotFound


async def followable_account(principal: Principal, account_id: str) -> Account:
    account = await repository.account(PydanticObjectId(account_id))
    if account is None or not await effective_membership(PydanticObjectId(principal.sub), account):
        raise NotFound(f"Account {account_id} does not exist.")
    return account
