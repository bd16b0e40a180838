"""/v1/cors-proxy: an allow-listed third-party resource (a webfont, an image), fetched through
the platform for the signed-in dashboard."""

import time
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from internal_api.cors_proxy import service
from internal_api.cors_proxy.errors import (
    AddressNotAllowed,
    ContentTypeNotAllowed,
    HostNotAllowed,
    InvalidResourceUrl,
    ProxyDisabled,
    ResourceTooLarge,
    UpstreamRefused,
)
from internal_api.cors_proxy.fetching import CorsProxy
from shared.utilities.auth import CurrentUser
from shared.utilities.cache import etag_matches
from shared.utilities.errors import Unauthorized, UpstreamError, UpstreamTimeout, error_responses

router = APIRouter(prefix="/v1/cors-proxy", tags=["cors proxy"])

# Opened on its own, a proxied file must not run anything on the platform's origin.
SAFE_HEADERS = {
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    "x-content-type-options": "nosniff",
    "cross-origin-resource-policy": "same-origin",
}


@router.get(
    "",
    summary="A third-party resource on an allowed host, fetched through the platform",
    description="For the dashboard's page builder: fonts, stylesheets and images from "
    "INTERNAL_API_CORS_PROXY_ALLOWED_HOSTS only (any other host answers 403 "
    "`cors_proxy_host_not_allowed`; one resolving inside the network 403 "
    "`cors_proxy_address_not_allowed`), http(s) on the default port, redirects followed to "
    "allowed hosts only, bounded in size and time, of the media types allowed. Cached in "
    "Redis as long as its host allows (bounded); `ETag` and `Cache-Control` are set and "
    "`If-None-Match` answers 304; `X-Cache` says `hit` or `miss`.",
    response_class=Response,
    responses={
        200: {"content": {"font/*": {}, "image/*": {}, "text/css": {}}, "description": "It"},
        304: {"description": "The copy the client holds is current"},
        **error_responses(
            Unauthorized,
            ProxyDisabled,
            HostNotAllowed,
            AddressNotAllowed,
            InvalidResourceUrl,
            UpstreamRefused,
            ContentTypeNotAllowed,
            ResourceTooLarge,
            UpstreamError,
            UpstreamTimeout,
        ),
    },
)
async def fetch_resource(
    url: Annotated[str, Query(max_length=2000, description="the resource's absolute URL")],
    principal: CurrentUser,
    proxy: CorsProxy,
    request: Request,
) -> Response:
    resource, hit = await service.proxied(principal, url, proxy)
    headers = {
        **SAFE_HEADERS,
        "etag": resource.etag,
        "cache-control": f"private, max-age={resource.fresh_for(time.time())}",
        "x-cache": "hit" if hit else "miss",
    }
    if etag_matches(request.headers.get("if-none-match"), resource.etag):
        return Response(status_code=304, headers=headers)
    return Response(resource.body, media_type=resource.content_type, headers=headers)
