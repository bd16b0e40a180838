"""The app factory every HTTP service is built with.

It gives each service the same edges: request ids in and out, JSON logs, uniform errors,
`/health` (the process is alive), `/ready` (its MongoDB and Redis answer) and OpenAPI at /docs.
"""

import inspect
import logging
import random
import time
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Annotated, Any
from urllib.parse import unquote

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi.telemetry import TelemetryConfig
from fastapi_offline import FastAPIOffline
from redis.asyncio import Redis
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared.utilities import context, db, tracing
from shared.utilities import redis as redis_utils
from shared.utilities.auth import authenticator_for
from shared.utilities.direct_routes import DirectRoute, route_directly
from shared.utilities.errors import (
    DomainError,
    InvalidInput,
    PayloadTooLarge,
    error_response,
    install_error_handlers,
)
from shared.utilities.logging import configure_logging
from shared.utilities.metrics import RequestMetrics, instrument
from shared.utilities.openapi import document_uniform_errors
from shared.utilities.outbox import OutboxMiddleware, Senders
from shared.utilities.schemas import FORBIDDEN_CHARACTERS
from shared.utilities.settings import ServiceSettings

logger = logging.getLogger("shared.requests")

REQUEST_ID_HEADER = "x-request-id"
REQUEST_ID_HEADER_BYTES = REQUEST_ID_HEADER.encode()

Lifespan = Callable[[FastAPI], Any]
NO_TELEMETRY: TelemetryConfig = {"tracing": False, "metrics": False, "logs": False}


class RequestContextMiddleware:
    """The edge of every service, in one pure ASGI layer: takes or makes the request id, names
    the service in logs, refuses a query string that no field may hold, answers an unexpected
    error with the uniform 500 (inside the request's context, so its header, body and log line
    carry the request id), and logs each request once (a sample of the successful ones)."""

    def __init__(
        self,
        app: ASGIApp,
        service: str,
        max_body_bytes: int,
        body_limits: Mapping[str, int],
        log_sample_rate: float = 1.0,
        metrics: RequestMetrics | None = None,
    ) -> None:
        self.app = app
        self.service = service
        self.max_body_bytes = max_body_bytes
        # Longest prefix first, so the most specific route's limit wins.
        self.body_limits = sorted(body_limits.items(), key=lambda item: -len(item[0]))
        self.log_sample_rate = log_sample_rate
        self.metrics = metrics

    def body_limit(self, path: str) -> int:
        for prefix, limit in self.body_limits:
            if path.startswith(prefix):
                return limit
        return self.max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = incoming_request_id(scope) or new_request_id()
        request_token = context.request_id.set(request_id)
        if self.metrics is not None:
            self.metrics.in_flight += 1
        service_token = context.service_name.set(self.service)
        started = time.perf_counter()
        status = 0
        header = (REQUEST_ID_HEADER_BYTES, request_id.encode())

        async def send_with_request_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", ()), header]
            await send(message)

        try:
            path = scope["path"]
            limit = self.body_limit(path)
            if refused := refused_query(scope) or refused_length(scope, limit):
                await refused(scope, receive, send_with_request_id)
            else:
                await self.app(scope, limited(receive, limit), send_with_request_id)
        except Exception:
            logger.exception("unhandled error on %s %s", scope["method"], scope["path"])
            if status:  # the answer has started: all we can do is end the connection
                raise
            await error_response(500, DomainError.code, DomainError.message)(
                scope, receive, send_with_request_id
            )
        finally:
            self.log(scope, status or 500, started)
            if self.metrics is not None:
                self.metrics.finished(scope, status or 500, started)
            context.request_id.reset(request_token)
            context.service_name.reset(service_token)

    def log(self, scope: Scope, status: int, started: float) -> None:
        if not logger.isEnabledFor(logging.INFO):
            return
        if status < 400 and self.log_sample_rate < 1 and random.random() >= self.log_sample_rate:
            return
        extra = {"status": status, "duration_ms": round((time.perf_counter() - started) * 1000, 2)}
        # Made directly rather than by logger.info: the line is always logged from here, so
        # the caller's frame need not be looked up on every request.
        record = logger.makeRecord(
            logger.name,
            logging.INFO,
            __file__,
            0,
            "%s %s %s",
            (scope["method"], scope["path"], status),
            None,
            extra=extra,
        )
        logger.handle(record)


def refused_length(scope: Scope, limit: int) -> JSONResponse | None:
    """A 413 before reading anything, when the body says it is larger than the limit."""
    for name, value in scope["headers"]:
        if name == b"content-length" and value.isdigit() and int(value) > limit:
            return too_large(limit)
    return None


def too_large(limit: int) -> JSONResponse:
    return error_response(
        413, PayloadTooLarge.code, f"The request body is larger than {limit} bytes."
    )


def limited(receive: Receive, limit: int) -> Receive:
    """`receive`, counting the body as it comes (chunked bodies have no length to check)."""
    received = 0

    async def receive_within_limit() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                # An HTTPException passes FastAPI's body reading untouched; the error handlers
                # answer it as `payload_too_large`.
                raise HTTPException(413, f"The request body is larger than {limit} bytes.")
        return message

    return receive_within_limit


def refused_query(scope: Scope) -> JSONResponse | None:
    """A 422 for a query string carrying a control character (a NUL, say): no field stores
    one, and some (regexes, keys) would fail deep inside the database driver."""
    raw = scope.get("query_string", b"")
    if b"%" not in raw and not any(byte < 0x20 or byte == 0x7F for byte in raw):
        return None
    query = unquote(raw.decode("latin-1"), errors="surrogateescape")
    if not FORBIDDEN_CHARACTERS.search(query):
        return None
    return error_response(
        422,
        InvalidInput.code,
        "The query string holds a control character.",
        [{"field": "query", "message": "must not contain control characters"}],
    )


def new_request_id() -> str:
    """32 hex digits. A request id correlates log lines and is no secret (a client may send its
    own), so it comes from the process's PRNG: os.urandom, a system call, cost 4 µs a request."""
    return f"{random.getrandbits(128):032x}"


def incoming_request_id(scope: Scope) -> str:
    for name, value in scope["headers"]:
        if name == REQUEST_ID_HEADER_BYTES:
            # Bounded and printable, so a client cannot stuff or forge our logs.
            return "".join(c for c in value.decode("latin-1")[:128] if c.isprintable())
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


# What an APIRoute is made of, so one can be made again on the app's own router.
ROUTE_OPTIONS = tuple(
    name
    for name in inspect.signature(APIRoute.__init__).parameters
    if name not in {"self", "path", "endpoint", "dependency_overrides_provider"}
)

DEFAULT_LIFESPAN = type(APIRouter().lifespan_context)


def add_routes(app: FastAPI, router: APIRouter) -> None:
    """The router's routes on the app itself. FastAPI keeps an included router as a branch it
    walks on every request (twice for the branch that answers), about 5 µs a router, measured:
    internal_api has twenty. A router of plain routes (their paths, tags and dependencies
    already applied) is made again route by route on the app's router instead; any other
    (sub-routers, websockets, its own lifespan) is included as FastAPI does."""
    routes = [route for route in router.routes if type(route) is APIRoute]
    plain = len(routes) == len(router.routes)
    if not plain or router.on_startup or router.on_shutdown or has_lifespan(router):
        app.include_router(router)
        return
    for route in routes:
        options = {name: getattr(route, name) for name in ROUTE_OPTIONS}
        app.router.add_api_route(route.path, route.endpoint, **options)


def has_lifespan(router: APIRouter) -> bool:
    return not isinstance(router.lifespan_context, DEFAULT_LIFESPAN)


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
    body_limits: Mapping[str, int] | None = None,
    direct: Sequence[DirectRoute] = (),
) -> FastAPI:
    """Build a service's FastAPI app.

    `lifespans` are async context managers taking the app, entered after MongoDB and Redis are
    up and left before they go down: the place to make a service's own clients. A service that
    `sends_work` gets an outbox per request (`shared.utilities.outbox`) for jobs and socket
    emits, and the senders that deliver it; the others (the router's hot path) pay for neither.
    Request bodies are bounded by MAX_BODY_BYTES (chunked ones too); `body_limits` gives the
    paths that take more their own bound, by path prefix (`{"/v1/crm/imports": 50 * MB}`).
    `direct` routes a path prefix to a plain ASGI app ahead of FastAPI (see DirectRoute).
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
    tracing.start(service, settings.otlp_endpoint)
    # Swagger UI and ReDoc are served from the fastapi-offline package, not a CDN.
    app = FastAPIOffline(
        title=title,
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url="/redoc",
        # The platform sets up no OpenTelemetry provider; FastAPI would otherwise look for one
        # on every request (2% of a proxied request, measured).
        telemetry=NO_TELEMETRY,
    )
    app.state.settings = settings
    app.state.authenticator = authenticator_for(settings)
    install_error_handlers(app)
    for router in [health_router(uses_mongo, uses_redis), *routers]:
        add_routes(app, router)
    if configure:
        configure(app)
    if sends_work:
        app.add_middleware(OutboxMiddleware)
    metrics = instrument(app, [route.prefix for route in direct])
    edge = {
        "service": service,
        "max_body_bytes": settings.max_body_bytes,
        "body_limits": body_limits or {},
        "log_sample_rate": settings.log_request_sample_rate,
        "metrics": metrics.requests,
    }
    app.add_middleware(RequestContextMiddleware, **edge)
    route_directly(app, [(route, RequestContextMiddleware(route.app, **edge)) for route in direct])
    tracing.trace_app(app, service)
    document_uniform_errors(app)
    return app
