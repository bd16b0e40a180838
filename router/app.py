"""The router: `/health`, `/ready`, `/docs` and the exchange endpoint on the service's FastAPI
app; every other `/v1/` request goes straight to the forwarder (router.forwarding), ahead of
FastAPI's routing."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.types import Receive, Scope, Send

from router import exchange
from router.access import Gate, RememberingSeal
from router.forwarding import Forwarder
from router.ratelimit import RateLimiter
from router.routing import Routes
from router.settings import RouterSettings
from router.tokens import TokenMinter, signer_for
from shared.utilities import sessions
from shared.utilities.app import DirectRoute
from shared.utilities.app import create_app as create_service_app
from shared.utilities.proxy import http_pool


def create_app(settings: RouterSettings) -> FastAPI:
    routes = Routes(settings)
    minter = TokenMinter(signer_for(settings))
    seal = RememberingSeal(sessions.seal_for(settings).key)

    @asynccontextmanager
    async def gate_and_pool(app: FastAPI) -> AsyncIterator[None]:
        limits = {
            "account": settings.rate_limit_per_account,
            "session": settings.rate_limit_per_session,
            "ip": settings.rate_limit_per_ip,
        }
        app.state.gate = Gate(
            app.state.redis,
            routes,
            minter,
            RateLimiter(app.state.redis, limits),
            settings.session_idle,
            seal,
        )
        timeouts = settings.connect_timeout_seconds, settings.read_timeout_seconds
        async with http_pool(*timeouts) as pool:
            app.state.forwarder = Forwarder(app.state.gate, routes, pool, settings.trusted_proxies)
            yield

    async def forward(scope: Scope, receive: Receive, send: Send) -> None:
        await app.state.forwarder(scope, receive, send)

    app = create_service_app(
        settings,
        title="Router",
        routers=[exchange.router],
        uses_mongo=True,
        uses_redis=True,
        lifespans=[gate_and_pool],
        # Streamed on, not held: the service behind bounds each route's body itself.
        body_limits={"/v1/": settings.max_proxied_body_bytes},
        direct=[DirectRoute("/v1/", forward, except_paths=frozenset({exchange.PATH}))],
    )
    return app
