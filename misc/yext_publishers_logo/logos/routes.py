from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response

from misc.yext_publishers_logo.logos.service import LogoLibrary
from shared.utilities.app import Settings
from shared.utilities.auth import CurrentUser
from shared.utilities.cache import etag_matches
from shared.utilities.errors import (
    InvalidInput,
    NotFound,
    ServiceUnavailable,
    Unauthorized,
    UpstreamError,
    UpstreamTimeout,
    error_responses,
)

router = APIRouter(prefix="/v1/yext/logos", tags=["yext publisher logos"])


def get_library(request: Request) -> LogoLibrary:
    return request.app.state.logos


Library = Annotated[LogoLibrary, Depends(get_library)]
# Yext's publisher ids (GOOGLEMYBUSINESS, YELP, ...); nothing else may reach the logo URL.
PublisherId = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{1,64}$")]


@router.get(
    "/{publisher_id}",
    summary="A Yext publisher's logo image",
    description="Cacheable: `ETag` and `Cache-Control` are set, `If-None-Match` answers 304.",
    response_class=Response,
    responses={
        200: {"content": {"image/*": {}}, "description": "The logo"},
        304: {"description": "The copy the client holds is current"},
        **error_responses(
            Unauthorized, NotFound, InvalidInput, UpstreamError, ServiceUnavailable, UpstreamTimeout
        ),
    },
)
async def read_logo(
    publisher_id: PublisherId,
    _: CurrentUser,
    library: Library,
    request: Request,
    settings: Settings,
) -> Response:
    logo = await library.logo(publisher_id)
    headers = {
        "etag": logo.etag,
        "cache-control": f"public, max-age={settings.cache_seconds}",
        # An SVG logo opened on its own must not run scripts on our origin.
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        "x-content-type-options": "nosniff",
    }
    if etag_matches(request.headers.get("if-none-match"), logo.etag):
        return Response(status_code=304, headers=headers)
    return Response(logo.body, media_type=logo.content_type, headers=headers)
