"""The app factory every HTTP service is built with.

It gives each service the same edges: request ids in and out, JSON logs, uniform errors,
`/health` (the process is alive), `/ready` (its MongoDB and Redis answer) and OpenAPI at /docs.
"""

import logging
import time
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request
from redis.asyncio import Redis
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared.utilities import context, db
from shared.utilities import redis as redis_utils
from shared.utilities.auth import authenticator_for
from shared.utilities.errors import error_response, install_error_handlers
from shared.utilities.logging import configure_logging
from shared.utilities.outbox import OutboxMiddleware, Senders
from shared.utilities.settings import ServiceSettings

logger = logging.getLogger("shared.requests")

REQUEST_ID_HEADER = "x-request-id"

Lifespan = Callable[[FastAPI], Any]


class RequestContextMiddleware:
    """Takes or makes the request id, names the service in logs, logs each request once."""

    def __init__(self, app: ASGIApp, service: str) -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = incoming_request_id(scope) or uuid.uuid4().hex
        request_token = context.request_id.set(request_id)
        service_token = context.service_name.set(self.service)
        started = time.perf_counter()
        status = 500

        async def send_with_request_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"].append((REQUEST_ID_HEADER.encode(), request_id.encode()))
            await send(message)

        try:
            await self.app(scope, receive, send_with_request_id)
        finally:
            if logger.isEnabledFor(logging.INFO):
                logger.info(
                    "%s %s %s",
                    scope["method"],
                    scope["path"],
                    status,
                    extra={
                        "status": status,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    },
                )
            context.request_id.reset(request_token)
            context.service_name.reset(service_token)


def incoming_request_id(scope: Scope) -> str:
    for name, value in scope["headers"]:
        if name == b"x-request-id":
            # Bounded, so a client cannot stuff our logs.
            return value.decode("latin-1")[:128]
    return ""


def get_settings(request: Request) -> ServiceSettings:
    return request.app.state.settings


def get_redis(request: Request) -> Redis:
    return request.app.state.redis


Settings = Annotated[ServiceSettings, Depends(get_settings)]
RedisClient = Annotated[Redis, Depends(get_redis)]


def health_router(uses_mongo: bool, uses_redis: bool) -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get("/health", summary="The process is alive")
    async def health(settings: Settings) -> dict[str, str]:
        return {"status": "ok", "service": settings.service_name}

    @router.get("/ready", summary="The service's MongoDB and Redis answer", responses={503: {}})
    async def ready(request: Request, settings: Settings):
        checks: dict[str, str] = {}
        if uses_mongo:
            checks["mongodb"] = "up" if await db.ping() else "down"
        if uses_redis:
            checks["redis"] = "up" if await redis_utils.ping(request.app.state.redis) else "down"
        down = [name for name, state in checks.items() if state == "down"]
        if down:
            return error_response(
                503,
                "not_ready",
                f"{', '.join(down)} is down.",
                [{"component": name, "status": state} for name, state in checks.items()],
            )
        return {"status": "ready", "service": settings.service_name, "checks": checks}

    return router


def create_app(
    settings: ServiceSettings,
    *,
    title: str,
    routers: Sequence[APIRouter] = (),
    uses_mongo: bool = False,
    uses_redis: bool = False,
    sends_work: bool = False,
    lifespans: Sequence[Lifespan] = (),
    configure: Callable[[FastAPI], None] | None = None,
) -> FastAPI:
    """Build a service's FastAPI app.

    `lifespans` are async context managers taking the app, entered after MongoDB and Redis are
    up and left before they go down: the place to make a service's own clients. A service that
    `sends_work` gets an outbox per request (`shared.utilities.outbox`) for jobs and socket
    emits, and the senders that deliver it; the others (the router's hot path) pay for neither.
    """
    service = settings.service_name

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        context.service_name.set(service)
        async with AsyncExitStack() as stack:
            if uses_mongo:
                await db.connect(
                    settings.mongo_url,
                    initiator=service,
                    options={"maxPoolSize": settings.mongo_pool_size},
                    database=settings.mongo_db,
                )
                stack.push_async_callback(db.disconnect, service)
            if uses_redis:
                app.state.redis = redis_utils.create_redis(settings.redis_url)
                stack.push_async_callback(app.state.redis.aclose)
            if sends_work:
                app.state.senders = Senders.for_redis(settings.redis_url)
                stack.callback(app.state.senders.close)
            for extra in lifespans:
                await stack.enter_async_context(extra(app))
            logger.info("%s started", service)
            yield
        logger.info("%s stopped", service)

    configure_logging(settings.log_level)
    app = FastAPI(title=title, lifespan=lifespan, docs_url="/docs", openapi_url="/openapi.json")
    app.state.settings = settings
    app.state.authenticator = authenticator_for(settings)
    install_error_handlers(app)
    app.include_router(health_router(uses_mongo, uses_redis))
    for router in routers:
        app.include_router(router)
    if configure:
        configure(app)
    if sends_work:
        app.add_middleware(OutboxMiddleware)
    app.add_middleware(RequestContextMiddleware, service=service)
    return app
