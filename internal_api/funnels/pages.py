"""A step's page: its draft read and changed, published (a new immutable version), rolled back
to an older version, its versions listed; and the funnel's per-step conversion counts."""

from beanie import PydanticObjectId

from internal_api.funnels.errors import StepNotFound
from internal_api.funnels.repository import PageRepository, VersionRepository
from internal_api.funnels.schemas import FunnelCounts, PageUpdate, StepCounts
from internal_api.funnels.service import get_funnel
from shared.domain.funnels import publishing
from shared.domain.funnels.pages import stored_blocks
from shared.domain.funnels.render_cache import RenderCache
from shared.models.funnel import Funnel
from shared.models.funnel_page import FunnelPage
from shared.models.funnel_page_version import FunnelPageVersion
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams


async def get_page(principal: Principal, funnel_id: str, page_id: str) -> tuple[Funnel, FunnelPage]:
    """The funnel's page: a page of another funnel answers 404 like a missing one."""
    funnel = await get_funnel(principal, funnel_id)
    if not any(str(step.page_id) == page_id for step in funnel.steps):
        raise StepNotFound(f"The funnel has no page {page_id}.")
    return funnel, await PageRepository(funnel.account_id).get(page_id)


async def update_draft(
    principal: Principal, funnel_id: str, page_id: str, body: PageUpdate
) -> FunnelPage:
    _, page = await get_page(principal, funnel_id, page_id)
    if body.title is not None:
        page.title = body.title
    if body.description is not None:
        page.description = body.description
    if body.blocks is not None:
        page.blocks = stored_blocks(body.blocks)
    await page.save_changes()
    return page


async def publish(
    principal: Principal, funnel_id: str, page_id: str, cache: RenderCache
) -> FunnelPageVersion:
    funnel, page = await get_page(principal, funnel_id, page_id)
    return await publishing.publish(funnel, page, PydanticObjectId(principal.sub), cache)


async def roll_back(
    principal: Principal, funnel_id: str, page_id: str, number: int, cache: RenderCache
) -> FunnelPage:
    _, page = await get_page(principal, funnel_id, page_id)
    await publishing.roll_back(page, number, cache)
    return page


async def list_versions(
    principal: Principal, funnel_id: str, page_id: str, params: PageParams
) -> Page[FunnelPageVersion]:
    _, page = await get_page(principal, funnel_id, page_id)
    return await VersionRepository(page.account_id).paginate(params, {"page_id": page.id})


async def counts(principal: Principal, funnel_id: str) -> FunnelCounts:
    funnel = await get_funnel(principal, funnel_id)
    pages = {page.id: page for page in await PageRepository(funnel.account_id).of_funnel(funnel.id)}
    steps = []
    for step in funnel.steps:
        page = pages[step.page_id]
        converted = page.submissions + page.purchases
        steps.append(
            StepCounts(
                step_id=str(step.id),
                name=step.name,
                kind=step.kind,
                views=page.views,
                submissions=page.submissions,
                purchases=page.purchases,
                conversion_rate=round(min(converted / page.views, 1.0), 4) if page.views else 0.0,
            )
        )
    return FunnelCounts(funnel_id=str(funnel.id), steps=steps)
