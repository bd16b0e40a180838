"""/v1/public/pages/*: hosted pages for anyone, without a session, rate-limited per visitor
address (`serving.page_rate_limited`), by the funnel's id and a step's slug or, from the
gateway, by the custom domain a visitor asked for (`/hosts/<hostname>/<slug>`). Published
pages answer with an ETag (304 when the visitor holds it), Cache-Control and a Content Security
Policy that lets no script run but the platform's own form embeds."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response
from fastapi.responses import RedirectResponse, StreamingResponse

from internal_api.dependencies import Settings
from internal_api.funnels import public
from internal_api.funnels.serving import Renders, page_rate_limited
from internal_api.storage import Storage
from shared.domain.funnels.errors import PageNotFound
from shared.domain.funnels.render_cache import RenderedPage
from shared.domain.funnels.rendering import CONTENT_SECURITY_POLICY
from shared.utilities.cache import etag_matches
from shared.utilities.errors import RateLimited, error_responses

router = APIRouter(
    prefix="/v1/public/pages",
    tags=["funnels"],
    dependencies=[Depends(page_rate_limited)],
)

FunnelId = Annotated[str, Path(max_length=64)]
Slug = Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
Host = Annotated[str, Path(pattern=r"^[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?$")]
ERRORS = (PageNotFound, RateLimited)
PAGE_ANSWER: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/html": {}}, "description": "the page"}
}


def page_response(request: Request, page: RenderedPage, max_age: int) -> Response:
    headers = {
        "etag": page.etag,
        "cache-control": f"public, max-age={max_age}",
        "content-security-policy": CONTENT_SECURITY_POLICY,
        "x-content-type-options": "nosniff",
        "referrer-policy": "strict-origin-when-cross-origin",
    }
    if etag_matches(request.headers.get("if-none-match"), page.etag):
        return Response(status_code=304, headers=headers)
    return Response(page.html, media_type="text/html; charset=utf-8", headers=headers)


@router.get(
    "/hosts/{host}",
    response_class=Response,
    summary="A custom domain's home page: its funnel's first step (no session)",
    description="Asked by the gateway for a request whose Host is a custom domain; a domain "
    "that is not verified, or serves nothing published, answers 404 `page_not_found`.",
    responses={**PAGE_ANSWER, **error_responses(*ERRORS)},
)
async def home_by_host(
    host: Host, request: Request, renders: Renders, settings: Settings
) -> Response:
    found = await public.by_host(host, "")
    return page_response(
        request, await public.rendered(found, renders), settings.pages_max_age_seconds
    )


@router.get(
    "/hosts/{host}/{slug}",
    response_class=Response,
    summary="A step of a custom domain's funnel (no session)",
    responses={**PAGE_ANSWER, **error_responses(*ERRORS)},
)
async def step_by_host(
    host: Host, slug: Slug, request: Request, renders: Renders, settings: Settings
) -> Response:
    found = await public.by_host(host, slug)
    return page_response(
        request, await public.rendered(found, renders), settings.pages_max_age_seconds
    )


@router.get(
    "/{funnel_id}",
    status_code=302,
    response_class=RedirectResponse,
    summary="A funnel's address: a redirect to its first step (no session)",
    responses=error_responses(*ERRORS),
)
async def funnel_entry(funnel_id: FunnelId) -> RedirectResponse:
    location = await public.first_step_path(funnel_id)
    return RedirectResponse(
        location, status_code=302, headers={"cache-control": "public, max-age=60"}
    )


@router.get(
    "/{funnel_id}/{slug}",
    response_class=Response,
    summary="A funnel step's published page (no session)",
    description="Rendered on the server (every text escaped, HTML blocks sanitised), counted "
    "as a view of the step. 404 `page_not_found` until the step is published.",
    responses={**PAGE_ANSWER, **error_responses(*ERRORS)},
)
async def step_page(
    funnel_id: FunnelId, slug: Slug, request: Request, renders: Renders, settings: Settings
) -> Response:
    found = await public.by_path(funnel_id, slug)
    return page_response(
        request, await public.rendered(found, renders), settings.pages_max_age_seconds
    )


@router.get(
    "/{funnel_id}/{slug}/thumbnail.png",
    response_class=StreamingResponse,
    summary="The thumbnail of a step's published page (no session)",
    description="A PNG shot by headless Chromium after the version was published; 404 "
    "`page_not_found` until it is made. Kept by browsers as long as the page.",
    responses={200: {"content": {"image/png": {}}}, **error_responses(*ERRORS)},
)
async def thumbnail(
    funnel_id: FunnelId, slug: Slug, request: Request, storage: Storage, settings: Settings
) -> Response:
    key = await public.thumbnail_key(funnel_id, slug)
    headers = {
        "etag": f'"{key}"',
        "cache-control": f"public, max-age={settings.pages_max_age_seconds}",
        "x-content-type-options": "nosniff",
    }
    if etag_matches(request.headers.get("if-none-match"), f'"{key}"'):
        return Response(status_code=304, headers=headers)
    return StreamingResponse(storage.read(key), media_type="image/png", headers=headers)
