"""Part of QM_SUBSCRIPTION_ACTIVATE: a sub-account the lifecycle's active-account check
suspended for its paid period having ended, and paid up again since (a late payment, a retry
that went through), is reactivated through the account lifecycle, as its agency's reactivate
route would. A sub-account suspended for any other reason (by its agency, by an operator) is
left as it is."""

from datetime import datetime

from redis.asyncio import Redis

from shared.domain.accounts import lifecycle
from shared.domain.billing import repository
from shared.utilities.errors import Conflict

# How `lifecycle.suspend_ended` words its reason: the suspensions this may undo.
ENDED_PERIOD_REASON = "Its active period ended"


async def reactivate_paid_up(redis: Redis, now: datetime, batch: int) -> int:
    """Returns how many sub-accounts were reactivated."""
    reactivated = 0
    for account in await repository.suspended_for_their_period_paid_up(
        ENDED_PERIOD_REASON, now, batch
    ):
        try:
            await lifecycle.reactivate(redis, account)
        except Conflict:
            continue  # changed meanwhile (deleted, or reactivated already)
        reactivated += 1
    return reactivated
