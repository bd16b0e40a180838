"""Who needs two-factor authentication where.

An account may require it (`Account.require_two_factor`) of every session acting in it. A user
without it who logs in to such an account gets an enrolment challenge instead of a session, and
enrolling signs them in; they cannot switch into such an account, and when an account starts
requiring it, the sessions in it of users without are ended. Checked where a session starts
or moves, so no request in between pays for it.
"""

from beanie import PydanticObjectId

from internal_api.auth.two_factor import challenges
from internal_api.auth.two_factor.errors import TwoFactorNotEnabled, TwoFactorRequired
from internal_api.auth.two_factor.repository import TwoFactorRepository
from internal_api.settings import InternalApiSettings
from shared.models.account import Account
from shared.models.two_factor_challenge import ChallengePurpose
from shared.models.user import User


async def second_step(
    user: User, account: Account, settings: InternalApiSettings
) -> challenges.Challenge | None:
    """What a right password still leaves to do: a code when the user has two-factor
    authentication, enrolling when the account they sign in to requires it; None: nothing."""
    if await TwoFactorRepository(user.id).enabled():
        return await challenges.issue(user, ChallengePurpose.SIGN_IN, settings)
    if account.require_two_factor:
        return await challenges.issue(user, ChallengePurpose.ENROL, settings)
    return None


async def check_may_act_in(account: Account, user_id: PydanticObjectId) -> None:
    if account.require_two_factor and not await TwoFactorRepository(user_id).enabled():
        raise TwoFactorRequired()


async def check_enabled(user_id: str | PydanticObjectId, message: str | None = None) -> None:
    if not await TwoFactorRepository(user_id).enabled():
        raise TwoFactorNotEnabled(message)
