"""Each step's conversion counts: its page's views (counted as the public route serves it), the
submissions of the forms it embeds (the forms' write path calls `count_submission`) and its
purchases (the store calls `count_purchase`). Counted atomically on the step's page.

A form may sit on several pages: a submission counts on the one the visitor sent it from (its
landing page: the public path `/v1/public/pages/<funnel>/<slug>`, or `/<slug>` on a custom
domain), else on the only page embedding it, else on none.
"""

import logging
from urllib.parse import urlsplit

from beanie import PydanticObjectId

from shared.domain.domains.routing import verified_target
from shared.domain.funnels.repository import FunnelRepository, PageRepository
from shared.models.custom_domain import CustomDomain
from shared.models.form import Form
from shared.models.form_submission import FormSubmission
from shared.models.funnel_page import FunnelPage
from shared.utilities.repository import object_id

PUBLIC_PREFIX = "/v1/public/pages/"
logger = logging.getLogger(__name__)


async def count_view(page: FunnelPage) -> None:
    await PageRepository(page.account_id).add_to(page.id, "views")


async def count_purchase(
    account_id: PydanticObjectId, funnel_id: PydanticObjectId, step_id: PydanticObjectId
) -> bool:
    """For the store: a purchase made on a funnel's step (its checkout). False when the account
    has no such funnel or step: nothing is counted."""
    funnel = await FunnelRepository(account_id).find_by_id(funnel_id)
    step = funnel.step(step_id) if funnel else None
    if step is None:
        return False
    await PageRepository(account_id).add_to(step.page_id, "purchases")
    return True


async def count_submission(form: Form, submission: FormSubmission) -> None:
    """Never fails the submission it counts: a count it cannot make is logged and left out."""
    try:
        await count_on_its_page(form, submission)
    except Exception:
        logger.exception("submission %s not counted on its funnel step", submission.id)


async def count_on_its_page(form: Form, submission: FormSubmission) -> None:
    pages = await PageRepository(form.account_id).embedding(form.id)
    page = await page_sent_from(pages, submission.attribution.landing_page)
    if page is None and len(pages) == 1:
        page = pages[0]
    if page is not None:
        await PageRepository(form.account_id).add_to(page.id, "submissions")


async def page_sent_from(pages: list[FunnelPage], landing_page: str | None) -> FunnelPage | None:
    if not pages or not landing_page:
        return None
    address = urlsplit(landing_page)
    funnel_id, slug = await step_of_address(address.hostname or "", address.path)
    if funnel_id is None:
        return None
    funnel = await FunnelRepository(pages[0].account_id).find_by_id(funnel_id)
    step = funnel.step_by_slug(slug) if funnel else None
    return next((page for page in pages if step and page.id == step.page_id), None)


async def step_of_address(host: str, path: str) -> tuple[PydanticObjectId | None, str]:
    """The funnel and step slug a public page's address names."""
    if path.startswith(PUBLIC_PREFIX):
        funnel_id, _, slug = path.removeprefix(PUBLIC_PREFIX).partition("/")
        return object_id(funnel_id), slug.strip("/")
    domain: CustomDomain | None = await verified_target(host) if host else None
    if domain is None:
        return None, ""
    return object_id(domain.target_id), path.strip("/")
