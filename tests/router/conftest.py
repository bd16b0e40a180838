"""The router on a real port in front of one fake upstream, and live sessions to use with it.

Every upstream URL points at the same echo server under its own path prefix
(`<echo>/internal_api`, `<echo>/ai_service`, ...), so an answer tells which upstream got it.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, StreamingResponse
from starlette.routing import Route

from router import ratelimit
from router.app import create_app
from router.settings import RouterSettings
from shared.models.account import Account
from shared.models.membership import ROLE_SCOPES, Membership, Role
from shared.models.session import Session
from shared.utilities.redis import create_redis
from shared.utilities.sessions import hash_session_id, new_session_id
from tests.factories import create_user

UPSTREAMS = (
    "internal_api",
    "external_api",
    "callrail_recordings",
    "currency",
    "yext_publishers",
    "yext_publishers_logo",
    "google_maps",
    "ai_service",
    "notifications",
)
MEGABYTE = 1024 * 1024
CHUNK = b"x" * (64 * 1024)


@dataclass
class Upstream:
    url: str
    received: list[dict] = field(default_factory=list)  # what reached it, in order

    def last_headers(self) -> dict[str, str]:
        return self.received[-1]["headers"]


def echo_app(upstream: Upstream) -> Starlette:
    async def echo(request: Request) -> JSONResponse:
        seen = {
            "upstream": request.path_params["upstream"],
            "method": request.method,
            "path": "/" + request.path_params["path"],
            "headers": dict(request.headers),
        }
        upstream.received.append(seen)
        return JSONResponse(seen)

    async def upload(request: Request) -> JSONResponse:
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
        return JSONResponse({"received_bytes": size})

    async def download(request: Request) -> StreamingResponse:
        async def megabytes():
            for _ in range(int(request.query_params["megabytes"]) * MEGABYTE // len(CHUNK)):
                yield CHUNK

        return StreamingResponse(megabytes(), media_type="application/octet-stream")

    methods = ["GET", "POST", "PUT", "PATCH", "DELETE"]
    return Starlette(
        routes=[
            Route("/{upstream}/v1/files/upload", upload, methods=["POST"]),
            Route("/{upstream}/v1/files/download", download),
            Route("/{upstream}/{path:path}", echo, methods=methods),
        ]
    )


def router_settings(upstream_url: str, **overrides) -> RouterSettings:
    """Settings pointing every upstream at the echo server; no rate limits unless asked."""
    no_limits = {f"rate_limit_per_{kind}": "" for kind in ("account", "session", "ip")}
    urls = {f"{name}_url": f"{upstream_url}/{name}" for name in UPSTREAMS}
    return RouterSettings(**{**no_limits, **urls, **overrides})


@pytest.fixture
async def upstream(serve) -> AsyncIterator[Upstream]:
    upstream = Upstream(url="")
    async with serve(echo_app(upstream)) as url:
        upstream.url = url
        yield upstream


@pytest.fixture
def start_router(serve, upstream, mongo):
    """`async with start_router(**settings) as client`: a client of a router on a real port."""

    @asynccontextmanager
    async def start(**overrides) -> AsyncIterator[httpx.AsyncClient]:
        app = create_app(router_settings(upstream.url, **overrides))
        async with serve(app) as url, httpx.AsyncClient(base_url=url, timeout=30) as client:
            yield client

    return start


@pytest.fixture
async def router(start_router) -> AsyncIterator[httpx.AsyncClient]:
    async with start_router() as client:
        yield client


@pytest.fixture
async def redis():
    client = create_redis(RouterSettings().redis_url)
    yield client
    await client.aclose()


@pytest.fixture(autouse=True)
async def fresh_rate_limits(redis):
    """Every test starts with no request counted (the windows last up to a day)."""
    keys = [key async for key in redis.scan_iter(f"{ratelimit.KEY_PREFIX}*")]
    if keys:
        await redis.delete(*keys)


@dataclass
class LiveSession:
    id: str  # what the dashboard sends in x-session-id
    record: Session
    account: Account


async def create_session(account: Account | None = None, **overrides) -> LiveSession:
    """A session of a new admin of the account (a new agency by default), live for a day unless
    `overrides` say otherwise."""
    account = account or await Account(name="Agency").insert()
    user_id = (await create_user()).id
    await Membership(
        account_id=account.id, user_id=user_id, role=Role.ADMIN, scopes=ROLE_SCOPES[Role.ADMIN]
    ).insert()
    session_id = new_session_id()
    now = datetime.now(UTC)
    fields = {"expires_at": now + timedelta(days=1), "last_seen_at": now, **overrides}
    record = await Session(
        token_hash=hash_session_id(session_id), user_id=user_id, account_id=account.id, **fields
    ).insert()
    return LiveSession(session_id, record, account)


@pytest.fixture
async def session(mongo) -> LiveSession:
    return await create_session()
