"""What serving pages takes, made in the app's lifespan and reached through dependencies: the
Redis render cache and the public pages' own rate limits (per visitor address; no per-page
limit, which a popular page would reach)."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, Request

from internal_api.public.limits import PublicRateLimits, visitor_ip
from shared.domain.funnels.render_cache import RenderCache


@asynccontextmanager
async def page_serving(app: FastAPI) -> AsyncIterator[None]:
    settings = app.state.settings
    app.state.render_cache = RenderCache(app.state.redis, settings.pages_render_cache_seconds)
    app.state.page_limits = PublicRateLimits(app.state.redis, settings.pages_rate_limit_per_ip, ())
    yield


def get_render_cache(request: Request) -> RenderCache:
    return request.app.state.render_cache


Renders = Annotated[RenderCache, Depends(get_render_cache)]


async def page_rate_limited(request: Request) -> None:
    """Counts each public page request per visitor address (429 `rate_limited`)."""
    limits: PublicRateLimits = request.app.state.page_limits
    await limits.hit("page", visitor_ip(request))
