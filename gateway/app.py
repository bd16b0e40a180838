"""The gateway: the dashboard's static build, `/status`, and `/v1/*` streamed to the router
(ahead of FastAPI's routing); on a custom domain, the pages the platform hosts there
(`gateway.pages`)."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

from gateway import dashboard, status
from gateway.auth import EXCHANGE_PATH
from gateway.pages import CustomDomainPages
from gateway.settings import GatewaySettings
from shared.domain.oauth.credentials import METADATA_PATH
from shared.utilities import proxy
from shared.utilities.app import create_app as create_service_app
from shared.utilities.direct_routes import DirectRoute
from shared.utilities.errors import Forbidden

API_PREFIX = "/v1/"
# A browser holding a session never needs the token it stands for (XSS could take it away).
EXCHANGE_REFUSED = "The session exchange is for the edge proxy only, not for browsers."


def create_app(settings: GatewaySettings) -> FastAPI:
    @asynccontextmanager
    async def router_pool(app: FastAPI) -> AsyncIterator[None]:
        timeouts = settings.connect_timeout_seconds, settings.read_timeout_seconds
        async with proxy.http_pool(*timeouts) as pool:
            app.state.pool = pool
            yield

    def serve_the_dashboard(app: FastAPI) -> None:
        app.router.default = StaticFiles(directory=settings.static_dir, html=True, check_dir=False)
        app.add_middleware(
            CustomDomainPages, platform_hosts=settings.platform_hosts, forward=to_the_router
        )

    async def to_the_router(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["path"] == EXCHANGE_PATH:
            await proxy.send_error(send, 403, Forbidden.code, EXCHANGE_REFUSED)
        elif settings.router_url == proxy.NOT_RUNNING:
            await proxy.send_not_running(send, "router")
        else:
            await proxy.forward(app.state.pool, settings.router_url, scope, receive, send)

    app = create_service_app(
        settings,
        title="Gateway",
        routers=[status.router, dashboard.router],
        lifespans=[router_pool],
        configure=serve_the_dashboard,
        direct=[
            DirectRoute(API_PREFIX, to_the_router),
            DirectRoute(METADATA_PATH, to_the_router),
        ],
    )
    return app
