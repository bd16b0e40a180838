"""Suspends the active accounts whose `active_until` passed more than
QUEUE_MANAGER_ACCOUNT_GRACE_DAYS ago, through the account lifecycle, as the agency's suspend
route does (sessions refused, sockets closed, webhooks and automations held). A second run
finds them suspended and leaves them."""

from datetime import timedelta

from queue_manager.celery import app, settings
from shared.domain.accounts.lifecycle import suspend_ended as suspend_accounts_ended
from shared.utilities.redis import create_redis
from shared.utilities.task_names import CHECK_ACCOUNT_ACTIVE_SUSPEND_ENDED
from shared.utilities.worker import platform_task

BATCH = 100


@platform_task(app, CHECK_ACCOUNT_ACTIVE_SUSPEND_ENDED)
async def suspend_ended() -> int:
    """Returns how many accounts were suspended."""
    redis = create_redis(settings.redis_url)
    try:
        grace = timedelta(days=settings.account_grace_days)
        return await suspend_accounts_ended(redis, grace, BATCH)
    finally:
        await redis.aclose()
