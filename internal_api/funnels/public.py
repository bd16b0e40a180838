"""The public side of pages: a published step found by its funnel's id and slug, or by the
custom domain it is served on, rendered (from the Redis cache when it holds it) and counted as
a view. Only a ready funnel's published pages are served; a domain serves only a funnel of its
own account."""

from dataclasses import dataclass

from shared.domain.domains.routing import verified_target
from shared.domain.funnels.conversions import PUBLIC_PREFIX, count_view
from shared.domain.funnels.errors import PageNotFound
from shared.domain.funnels.render_cache import RenderCache, RenderedPage
from shared.domain.funnels.rendering import PageLinks, render_page
from shared.domain.funnels.repository import public_funnel, published_version
from shared.models.funnel import Funnel, FunnelStep
from shared.models.funnel_page_version import FunnelPageVersion


@dataclass(frozen=True)
class PublicStep:
    funnel: Funnel
    step: FunnelStep
    version: FunnelPageVersion
    base: str  # the path its sibling steps are under: `/v1/public/pages/<id>/`, or `/`

    def path_of(self, step: FunnelStep) -> str:
        return f"{self.base}{step.slug}"


async def by_path(funnel_id: str, slug: str) -> PublicStep:
    funnel = await public_funnel(funnel_id)
    return await published_step(funnel, funnel.step_by_slug(slug), f"{PUBLIC_PREFIX}{funnel.id}/")


async def by_host(host: str, slug: str) -> PublicStep:
    """The step a custom domain serves at `/<slug>` (its first step at `/`)."""
    domain = await verified_target(host)
    if domain is None:
        raise PageNotFound()
    funnel = await public_funnel(domain.target_id)
    if funnel.account_id != domain.account_id:
        raise PageNotFound()  # a domain serves its own account's pages only
    step = funnel.step_by_slug(slug) if slug else next(iter(funnel.steps), None)
    return await published_step(funnel, step, "/")


async def first_step_path(funnel_id: str) -> str:
    """Where a funnel's own address leads: its first step."""
    funnel = await public_funnel(funnel_id)
    if not funnel.steps:
        raise PageNotFound()
    return f"{PUBLIC_PREFIX}{funnel.id}/{funnel.steps[0].slug}"


async def published_step(funnel: Funnel, step: FunnelStep | None, base: str) -> PublicStep:
    if step is None:
        raise PageNotFound()
    page, version = await published_version(step.page_id, funnel.account_id)
    await count_view(page)
    return PublicStep(funnel, step, version, base)


async def rendered(found: PublicStep, cache: RenderCache) -> RenderedPage:
    after = found.funnel.step_after(found.step.id)
    links = PageLinks(next_step=found.path_of(after) if after else None, steps_base=found.base)
    cached = await cache.get(found.version.id, links)
    if cached is not None:
        return cached
    made = RenderedPage.of(render_page(found.version, links))
    await cache.put(found.version.id, links, made)
    return made


async def thumbnail_key(funnel_id: str, slug: str) -> str:
    """The storage key of the published version's thumbnail (not counted as a view)."""
    funnel = await public_funnel(funnel_id)
    step = funnel.step_by_slug(slug)
    if step is None:
        raise PageNotFound()
    _, version = await published_version(step.page_id, funnel.account_id)
    if version.thumbnail_key is None:
        raise PageNotFound("The page's thumbnail is not made yet.")
    return version.thumbnail_key
