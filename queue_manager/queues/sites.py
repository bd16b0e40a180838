"""Queue `site_update_business` (QM_SITE_UPDATE_BUSINESS): an account's business data pushed to
one of its Duda sites after its profile changed (`shared.domain.sites.business`), through the
external API, which alone holds the platform's Duda credentials. Retried while the external API
or Duda is unavailable; a site deleted meanwhile needs nothing."""

from queue_manager.celery import app
from queue_manager.external.client import call
from shared.utilities.task_names import SITE_UPDATE_BUSINESS_PUSH
from shared.utilities.worker import platform_task


@platform_task(app, SITE_UPDATE_BUSINESS_PUSH, max_retries=8)
async def push(account_id: str, site_id: str, business_hash: str) -> dict:
    path = f"/v1/e/duda/accounts/{account_id}/sites/{site_id}/business"
    answer = await call("PUT", path, expected=frozenset({404}))
    return {"site_name": answer["site_name"] if answer else None, "business_hash": business_hash}
