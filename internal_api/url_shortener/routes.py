"""/v1/url: the account's branded short links, their QR codes and click stats.

A link's `short_url` (`INTERNAL_API_SHORT_URL_BASE` + its code) redirects whoever follows it,
without a session, to its `target`: `GET /v1/s/{code}` (`url_shortener.redirect`, served ahead
of FastAPI) answers 302 (301 for a `permanent` link), 404 for a code no link has and 410
`short_link_expired` past the link's expiry. Its clicks are counted within a minute or so of
being made (the queue manager's `short_link_clicks` cron), bots apart.
"""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from internal_api.dependencies import Settings
from internal_api.extended import Extended
from internal_api.url_shortener import qr, service
from internal_api.url_shortener.auth import LinksAdmin, LinksRead
from internal_api.url_shortener.destinations import platform_hosts
from internal_api.url_shortener.errors import DestinationRefused, SlugReserved, SlugTaken
from internal_api.url_shortener.repository import ShortLinkRepository
from internal_api.url_shortener.schemas import (
    ShortLinkCreate,
    ShortLinkRead,
    ShortLinkStats,
    ShortLinkUpdate,
)
from internal_api.url_shortener.service import Shortener
from shared.models.short_link import ShortLink
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/url", tags=["url shortener"])

LinkPaging = Annotated[PageParams, Depends(sorted_by(ShortLinkRepository.sortable))]


def shortener(request: Request, settings: Settings) -> Shortener:
    return Shortener(
        request.app.state.link_cache, settings.short_url_base, platform_hosts(settings)
    )


Shortening = Annotated[Shortener, Depends(shortener)]


@router.post(
    "",
    status_code=201,
    response_model=ShortLinkRead,
    summary="Make a short link",
    description="With `slug`, the link's code is the slug (unique across the platform); "
    "without, a made-up one. The UTM parameters are added to the destination's query.",
    responses=error_responses(*SIGNED_IN, DestinationRefused, SlugReserved, SlugTaken),
)
async def create_link(
    body: ShortLinkCreate, principal: LinksAdmin, shortening: Shortening
) -> Extended[ShortLink]:
    return await service.create_link(principal, body, shortening)


@router.get(
    "",
    response_model=Page[ShortLinkRead],
    summary="The account's short links",
    responses=error_responses(*SIGNED_IN),
)
async def list_links(
    principal: LinksRead, paging: LinkPaging, shortening: Shortening
) -> Page[Extended[ShortLink]]:
    return await service.list_links(principal, paging, shortening)


@router.get(
    "/{link_id}",
    response_model=ShortLinkRead,
    summary="One short link",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_link(
    link_id: str, principal: LinksRead, shortening: Shortening
) -> Extended[ShortLink]:
    return await service.read_link(principal, link_id, shortening)


@router.patch(
    "/{link_id}",
    response_model=ShortLinkRead,
    summary="Change a short link",
    description="Followed from the next click on. A new `slug` frees the old one, which "
    "stops redirecting at once.",
    responses=error_responses(*SIGNED_IN, NotFound, DestinationRefused, SlugReserved, SlugTaken),
)
async def update_link(
    link_id: str, body: ShortLinkUpdate, principal: LinksAdmin, shortening: Shortening
) -> Extended[ShortLink]:
    return await service.update_link(principal, link_id, body, shortening)


@router.delete(
    "/{link_id}",
    status_code=204,
    summary="Delete a short link, its clicks and stats",
    description="Its code stops redirecting at once.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_link(link_id: str, principal: LinksAdmin, shortening: Shortening) -> Response:
    await service.delete_link(principal, link_id, shortening)
    return Response(status_code=204)


@router.get(
    "/{link_id}/qr.png",
    response_class=Response,
    summary="The short URL as a QR code, PNG",
    responses={200: {"content": {"image/png": {}}}, **error_responses(*SIGNED_IN, NotFound)},
)
async def qr_png(link_id: str, principal: LinksRead, shortening: Shortening) -> Response:
    image = await service.qr_code(principal, link_id, shortening, qr.png)
    return Response(image, media_type="image/png")


@router.get(
    "/{link_id}/qr.svg",
    response_class=Response,
    summary="The short URL as a QR code, SVG",
    responses={
        200: {"content": {"image/svg+xml": {}}},
        **error_responses(*SIGNED_IN, NotFound),
    },
)
async def qr_svg(link_id: str, principal: LinksRead, shortening: Shortening) -> Response:
    image = await service.qr_code(principal, link_id, shortening, qr.svg)
    return Response(image, media_type="image/svg+xml")


@router.get(
    "/{link_id}/stats",
    response_model=ShortLinkStats,
    summary="A short link's clicks by day, and where they came from",
    description="UTC days, both ends included: `to` is today unless given, `from` 29 days "
    "before it; at most 366 days. Bots' clicks are counted apart and left out of the rest.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def link_stats(
    link_id: str,
    principal: LinksRead,
    first: Annotated[date | None, Query(alias="from", description="the first day")] = None,
    last: Annotated[date | None, Query(alias="to", description="the last day")] = None,
) -> ShortLinkStats:
    return await service.link_stats(principal, link_id, first, last)
