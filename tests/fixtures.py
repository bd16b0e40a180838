"""Clients for a service's app: over ASGI in-process, or over real HTTP on a free port."""

import asyncio
import os
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import httpx
import pytest
import redis
from asgi_lifespan import LifespanManager
from starlette.types import ASGIApp

from shared.utilities import db
from shared.utilities.server import server_for


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@asynccontextmanager
async def asgi_client(app: ASGIApp, **kwargs) -> AsyncIterator[httpx.AsyncClient]:
    """A client for the app in this process, with its lifespan run around it."""
    async with LifespanManager(app, startup_timeout=30) as manager:
        transport = httpx.ASGITransport(app=manager.app, raise_app_exceptions=False)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://testserver", **kwargs
        ) as client:
            yield client


@asynccontextmanager
async def running(app: ASGIApp, port: int | None = None) -> AsyncIterator[str]:
    """Serve the app with uvicorn on 127.0.0.1 in this event loop; yields its base URL."""
    port = port or free_port()
    server = server_for(app, port=port)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


@pytest.fixture
def serve() -> Callable:
    """`async with serve(app) as base_url`: the app on a real port."""
    return running


@pytest.fixture
def client_for() -> Callable:
    """`async with client_for(app) as client`: the app in-process, lifespan included."""
    return asgi_client


@pytest.fixture
async def mongo():
    """A connected database (in memory, or MONGO_URL's), empty when the test starts and emptied
    after it. The in-memory database outlives its connections (a test that starts a service
    without this fixture may leave documents in it), hence the emptying before. Documents are
    deleted rather than the database dropped, so a service still connected keeps its indexes."""
    database = await db.connect(
        os.environ.get("MONGO_URL", ""), initiator="tests", database=os.environ["MONGO_DB"]
    )
    await empty(database)
    yield database
    await empty(database)
    await db.disconnect("tests")


async def empty(database) -> None:
    for name in await database.list_collection_names():
        await database[name].delete_many({})


@pytest.fixture(scope="session", autouse=True)
def empty_test_redis():
    """Counters from an earlier run (login throttles, rate limits) must not leak into this one."""
    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    client.flushdb()
    client.close()


@asynccontextmanager
async def dashboard_chain(
    internal_api: ASGIApp, **router_overrides
) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the gateway, as the dashboard is, with the router and `internal_api` behind
    it, each on its own port; no rate limits unless asked."""
    from gateway.app import create_app as create_gateway
    from gateway.settings import GatewaySettings
    from router.app import create_app as create_router
    from router.settings import RouterSettings

    no_limits = {f"rate_limit_per_{kind}": "" for kind in ("account", "session", "ip")}
    async with running(internal_api) as internal_api_url:
        router_settings = RouterSettings(
            internal_api_url=internal_api_url, **{**no_limits, **router_overrides}
        )
        async with running(create_router(router_settings)) as router_url:
            gateway = create_gateway(GatewaySettings(router_url=router_url))
            async with (
                running(gateway) as gateway_url,
                httpx.AsyncClient(base_url=gateway_url, timeout=30) as client,
            ):
                yield client
