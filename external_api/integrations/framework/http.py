"""One provider's HTTP: its pooled httpx client, retries on 429/5xx honouring `Retry-After`,
errors mapped to domain errors, and a pagination helper."""

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx

from external_api.integrations.framework.errors import mapped_error, refused_when_401
from shared.utilities.upstream import retry_when_busy, upstream_failures


class ProviderHttp:
    """`call` sends a request (a path under the provider's base URL, or a full URL such as its
    token endpoint), retries it while the provider is busy, and raises the mapped domain error
    for an answer of 400 or more."""

    def __init__(
        self,
        title: str,
        client: httpx.AsyncClient,
        base_url: str,
        *,
        attempts: int = 3,
        max_wait: float = 10,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        refused: Callable[[httpx.Response], bool] = refused_when_401,
    ) -> None:
        self.title = title
        self.refused = refused
        self.client = client
        self.base_url = base_url.rstrip("/")
        self.send = retry_when_busy(attempts, max_wait, sleep)(self.send_once)

    def url(self, path: str) -> str:
        return path if "://" in path else f"{self.base_url}/{path.lstrip('/')}"

    async def send_once(self, method: str, path: str, **request: Any) -> httpx.Response:
        with upstream_failures(self.title):
            return await self.client.request(method, self.url(path), **request)

    async def call(self, method: str, path: str, **request: Any) -> httpx.Response:
        """`request` is what httpx takes: params, json, data, content, headers."""
        response = await self.send(method, path, **request)
        if response.status_code >= 400:
            raise mapped_error(self.title, response, self.refused)
        return response

    async def json(self, method: str, path: str, **request: Any) -> Any:
        return (await self.call(method, path, **request)).json()


async def pages(
    fetch: Callable[[str | None], Awaitable[dict]],
    next_token: Callable[[dict], str | None],
) -> AsyncIterator[dict]:
    """Every page of a cursor- or token-paginated list: `fetch(None)` is the first page,
    `fetch(token)` the next, until `next_token(page)` gives none."""
    token: str | None = None
    while True:
        page = await fetch(token)
        yield page
        token = next_token(page)
        if not token:
            return
