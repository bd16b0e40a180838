"""Fetching a resource for the dashboard, with the outbound proxy's rules: the allow-list at
every hop (redirects included), connections to public addresses only, checked where they open
(`shared.utilities.checked_transport`: no private, loopback or link-local address after DNS
resolution, and no rebinding between check and connect), the whole fetch bounded in time and
the body in size (read in chunks, dropped as soon as it passes the limit), and only the media
types the proxy answers. Nothing of the caller's (cookies, tokens) is sent on."""

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from typing import Annotated

import httpx
from fastapi import Depends, FastAPI, Request

from internal_api.cors_proxy.errors import (
    AddressNotAllowed,
    ContentTypeNotAllowed,
    HostNotAllowed,
    ResourceTooLarge,
    UpstreamRefused,
)
from internal_api.cors_proxy.resources import Resource, cache_seconds
from internal_api.cors_proxy.urls import checked_url
from internal_api.settings import InternalApiSettings
from shared.utilities.cache import RedisCache
from shared.utilities.checked_transport import CheckedAddressTransport
from shared.utilities.errors import Forbidden, UpstreamTimeout
from shared.utilities.upstream import http_client, upstream_failures

REDIRECTS = frozenset({301, 302, 303, 307, 308})
CONNECT_SECONDS = 5


@dataclass(frozen=True)
class Fetcher:
    client: httpx.AsyncClient
    settings: InternalApiSettings
    cache: RedisCache[Resource]

    async def fetch(self, url: httpx.URL) -> Resource:
        """The resource at `url` (checked already), following redirects to allowed hosts."""
        try:
            async with asyncio.timeout(self.settings.cors_proxy_timeout_seconds):
                for _ in range(self.settings.cors_proxy_max_redirects + 1):
                    answer = await self.get(url)
                    if isinstance(answer, Resource):
                        return answer
                    url = answer
        except TimeoutError:
            raise UpstreamTimeout(f"{url.host} did not answer in time.") from None
        raise UpstreamRefused(f"{url.host} redirected more than the proxy follows.")

    async def get(self, url: httpx.URL) -> Resource | httpx.URL:
        """The resource, or the (allowed) URL its host redirects to."""
        settings = self.settings
        headers = {"user-agent": f"{settings.platform_name} asset proxy", "accept": "*/*"}
        try:
            with upstream_failures(url.host):
                async with self.client.stream("GET", url, headers=headers) as answer:
                    if answer.status_code in REDIRECTS and "location" in answer.headers:
                        redirect = url.join(answer.headers["location"])
                        return checked_url(redirect, settings.cors_proxy_allowed_hosts)
                    content_type = self.check(answer, url)
                    body = await self.read(answer)
        except HostNotAllowed:
            raise
        except Forbidden:
            # The connection's own check: the host resolved inside the network.
            raise AddressNotAllowed(
                f"{url.host} resolves to an address inside the network."
            ) from None
        least, most = settings.cors_proxy_cache_min_seconds, settings.cors_proxy_cache_max_seconds
        return Resource.of(content_type, body, cache_seconds(answer.headers, least, most))

    def check(self, answer: httpx.Response, url: httpx.URL) -> str:
        """The answer's media type, once the answer is the resource and of a type answered."""
        if answer.status_code != 200:
            raise UpstreamRefused(
                f"{url.host} answered {answer.status_code}.",
                details=[{"upstream_status": answer.status_code}],
            )
        media_type = answer.headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type not in self.settings.cors_proxy_content_types:
            raise ContentTypeNotAllowed(f"{url.host} answered {media_type or 'no'} content.")
        declared = answer.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.settings.cors_proxy_max_bytes:
            raise self.too_large()
        return media_type

    async def read(self, answer: httpx.Response) -> bytes:
        body = bytearray()
        async for chunk in answer.aiter_bytes():
            body += chunk
            if len(body) > self.settings.cors_proxy_max_bytes:
                raise self.too_large()
        return bytes(body)

    def too_large(self) -> ResourceTooLarge:
        return ResourceTooLarge(
            f"The resource is larger than {self.settings.cors_proxy_max_bytes} bytes."
        )


def cors_proxy(
    settings: InternalApiSettings, transport: httpx.AsyncBaseTransport | None = None
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """The app's lifespan part holding the proxy's client: on the checked-address transport
    (`transport` stands in for the network in tests)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        connect = min(CONNECT_SECONDS, settings.cors_proxy_timeout_seconds)
        network = transport or CheckedAddressTransport()
        async with http_client(connect, settings.cors_proxy_timeout_seconds, network) as client:
            cache = RedisCache(app.state.redis, "cors-proxy", Resource)
            app.state.cors_proxy = Fetcher(client, settings, cache)
            yield

    return lifespan


def get_fetcher(request: Request) -> Fetcher:
    return request.app.state.cors_proxy


CorsProxy = Annotated[Fetcher, Depends(get_fetcher)]
