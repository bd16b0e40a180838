"""Queue `lead_finder` (QM_LEAD_FINDER): a LeadFinder search run by the external API, which
holds the platform's RapidAPI key and streams what it finds to the general socket."""

from typing import Any

from queue_manager.celery import app
from queue_manager.external.client import call
from shared.utilities.task_names import LEAD_FINDER_SEARCH
from shared.utilities.worker import platform_task


@platform_task(app, LEAD_FINDER_SEARCH)
async def search(account_id: str, search_id: str) -> dict[str, Any]:
    path = f"/v1/e/rapidapi/lead-finder/accounts/{account_id}/searches/{search_id}/run"
    return await call("POST", path)
