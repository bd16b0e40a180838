"""`instasites_purge` (QM_INSTASITES_PURGE, hourly): the InstaSites left unclaimed past their
end (INTERNAL_API_INSTASITES_LIFETIME_DAYS after they were made) are deleted, their Duda site
with them, through the external API."""

from queue_manager.celery import app
from queue_manager.external.client import call
from shared.domain.instasites import repository
from shared.models.base import utc_now
from shared.utilities.task_names import INSTASITES_PURGE_UNCLAIMED
from shared.utilities.worker import platform_task

BATCH = 100


@platform_task(app, INSTASITES_PURGE_UNCLAIMED)
async def purge_unclaimed() -> int:
    """Returns how many InstaSites were purged."""
    expired = await repository.expired_unclaimed(utc_now(), BATCH)
    for instasite in expired:
        path = f"/v1/e/duda/accounts/{instasite.account_id}/instasites/{instasite.id}"
        await call("DELETE", path, expected=frozenset({404}))
    return len(expired)
