"""An operator viewing the platform as one of its users, read-only: a session of the user,
marked `impersonated_by` the operator, which the router refuses every write to
(`shared.utilities.impersonation`) and whose token carries the claim the dashboard shows as a
banner. It lasts INTERNAL_API_ADMIN_IMPERSONATION_MINUTES, appears in the user's own list of
sessions (they may end it), and ends when it signs out. Each one is in the audit log."""

from dataclasses import dataclass
from datetime import datetime

from beanie import PydanticObjectId

from internal_api.admin import audit, repository
from internal_api.admin.errors import OperatorNotImpersonated
from internal_api.auth.service import SignIn, start_session, starting_account
from shared.domain.accounts import repository as accounts
from shared.domain.accounts.users import effective_membership
from shared.models.account import Account
from shared.models.admin_audit_entry import AdminAction
from shared.models.user import User
from shared.utilities import sessions
from shared.utilities.auth import Principal
from shared.utilities.errors import NotFound


@dataclass(frozen=True)
class Impersonation:
    session_id: str  # the secret, answered once
    user_id: PydanticObjectId
    account_id: PydanticObjectId
    expires_at: datetime


async def impersonate(
    operator: Principal,
    user_id: PydanticObjectId,
    account_id: PydanticObjectId | None,
    reason: str,
    context: SignIn,
) -> Impersonation:
    user = await repository.user(user_id)
    if user is None:
        raise NotFound(f"User {user_id} does not exist.")
    if user.platform_operator:
        raise OperatorNotImpersonated()
    account = await acting_account(user, account_id)
    session_id = await start_session(
        user,
        account,
        context,
        lifetime=context.settings.admin_impersonation_lifetime,
        impersonated_by=PydanticObjectId(operator.sub),
    )
    session = await accounts.session_by_token_hash(sessions.hash_session_id(session_id))
    assert session is not None, "just started"
    expires_at = session.expires_at
    await audit.record(
        operator,
        AdminAction.USER_IMPERSONATED,
        ("user", user.id),
        reason,
        account_id=account.id,
        details={"expires_at": expires_at.isoformat()},
    )
    assert user.id is not None and account.id is not None, "stored documents"
    return Impersonation(session_id, user.id, account.id, expires_at)


async def acting_account(user: User, account_id: PydanticObjectId | None) -> Account:
    """The account asked for, if the user acts in it; else the one their sign-in starts in."""
    if account_id is None:
        return await starting_account(user)
    account = await repository.account(str(account_id))
    if account is None or user.id is None or await effective_membership(user.id, account) is None:
        raise NotFound(f"Account {account_id} does not exist for user {user.id}.")
    return account
