"""Queue `instasites_build` (QM_INSTASITES_BUILD): an InstaSite built on Duda through the
external API (its site made from the template, then its content library filled with the
business's data, photos and reviews, which gives its preview link), and a claimed one given to
its account as a site. Each step's progress is told on the general socket as it is reached. A
refusal (the template does not exist, say) fails the InstaSite; Duda being unavailable is
retried."""

from queue_manager.celery import app
from queue_manager.external.client import call
from shared.domain.instasites import repository
from shared.domain.instasites.progress import advance
from shared.models.instasite import Instasite, InstasiteStatus
from shared.utilities.outbox import flush
from shared.utilities.task_names import INSTASITES_BUILD_BUILD, INSTASITES_BUILD_CLAIM
from shared.utilities.worker import PermanentError, platform_task

BUILDABLE = frozenset({InstasiteStatus.QUEUED, InstasiteStatus.BUILDING})
SITE_MADE = 60  # percent: the Duda site exists, its content is next


def path(instasite: Instasite, step: str) -> str:
    return f"/v1/e/duda/accounts/{instasite.account_id}/instasites/{instasite.id}/{step}"


@platform_task(app, INSTASITES_BUILD_BUILD)
async def build(instasite_id: str, account_id: str) -> dict:
    instasite = await repository.of_account(account_id, instasite_id)
    if instasite is None or instasite.status not in BUILDABLE:
        return {"skipped": "no InstaSite to build"}
    await step(instasite, InstasiteStatus.BUILDING, 10)
    try:
        await call("POST", path(instasite, "site"))
        await step(instasite, InstasiteStatus.BUILDING, SITE_MADE)
        built = await call("PUT", path(instasite, "content"))
    except PermanentError as error:
        await step(instasite, InstasiteStatus.FAILED, instasite.progress, failure=str(error))
        raise
    await advance(instasite, InstasiteStatus.READY, 100, preview_url=built["preview_url"])
    return {"preview_url": built["preview_url"]}


@platform_task(app, INSTASITES_BUILD_CLAIM)
async def claim(instasite_id: str, account_id: str) -> dict:
    instasite = await repository.of_account(account_id, instasite_id)
    if instasite is None or instasite.status is not InstasiteStatus.CLAIMING:
        return {"skipped": "no InstaSite being claimed"}
    claimed = await call("POST", path(instasite, "claim"))
    instasite.site_id = claimed["site_id"]
    await advance(instasite, InstasiteStatus.CLAIMED, 100)
    return {"site_id": claimed["site_id"]}


async def step(instasite: Instasite, status: InstasiteStatus, progress: int, **fields) -> None:
    """The step told at once, whatever happens after it."""
    await advance(instasite, status, progress, **fields)
    await flush()
