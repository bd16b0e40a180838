"""OpenTelemetry traces across every hop: gateway -> router -> service -> Celery task, with the
outbound HTTP (aiohttp, httpx), MongoDB (pymongo) and Redis calls made on the way.

Off unless `OTEL_EXPORTER_OTLP_ENDPOINT` is set: then nothing is instrumented and a request
pays for nothing (`scripts/bench/overhead.py`); the proxies still pass a client's `traceparent`
on untouched, so a traced process further down continues the caller's trace. On, each process
exports its spans by OTLP over HTTP, in batches, and W3C `traceparent` travels on every hop:
HTTP requests (the aiohttp and httpx instrumentations), Celery task headers (Celery's), socket
emits (`inject` / `continued` below, on the Redis message a socket replica hears).

The tracer provider is process-wide by OpenTelemetry's design (its instrumentations patch
libraries for the whole process), so it lives here rather than on an app's state; embedded
mode's services share one, each span naming its service in `platform.service`.
"""

import logging
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager, nullcontext
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI
from starlette.types import ASGIApp

from shared.utilities import context

# OpenTelemetry is imported only by a process that traces (its packages take a while to load,
# and every process imports this module through the logs).
if TYPE_CHECKING:
    from opentelemetry import context as otel_context
    from opentelemetry.sdk.trace import ReadableSpan, Span, TracerProvider
    from opentelemetry.trace import Span as ApiSpan

logger = logging.getLogger(__name__)

SERVICE_ATTRIBUTE = "platform.service"
REQUEST_ID_ATTRIBUTE = "platform.request_id"
# Probes answer every few seconds and say nothing about a request's path.
UNTRACED_PATHS = "/health,/ready,/metrics"

_provider: "TracerProvider | None" = None
_instrumentors: list[Any] = []


def instrumentors() -> list[Any]:
    """One of each library's instrumentor (each is a singleton of its library)."""
    from opentelemetry.instrumentation.aiohttp_client import AioHttpClientInstrumentor
    from opentelemetry.instrumentation.celery import CeleryInstrumentor
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
    from opentelemetry.instrumentation.pymongo import PymongoInstrumentor
    from opentelemetry.instrumentation.redis import RedisInstrumentor

    return [
        AioHttpClientInstrumentor(),
        HTTPXClientInstrumentor(),
        CeleryInstrumentor(),
        PymongoInstrumentor(),
        RedisInstrumentor(),
    ]


def stamp_service() -> Any:
    """A span processor naming the service (and the request) each span was made in: one
    process may run several services (embedded mode), whose spans share a provider."""
    from opentelemetry.sdk.trace import SpanProcessor

    class StampService(SpanProcessor):
        def on_start(self, span: "Span", parent_context: "otel_context.Context | None" = None):
            if service := context.service_name.get():
                span.set_attribute(SERVICE_ATTRIBUTE, service)
            if request_id := context.request_id.get():
                span.set_attribute(REQUEST_ID_ATTRIBUTE, request_id)

        def on_end(self, span: "ReadableSpan") -> None:
            pass

    return StampService()


def is_on() -> bool:
    return _provider is not None


def start(service: str, otlp_endpoint: str) -> None:
    """Trace this process when an OTLP endpoint is configured (once, whichever service asks
    first); otherwise leave everything as it is."""
    if _provider is not None or not otlp_endpoint:
        return
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    provider = TracerProvider(resource=Resource.create({"service.name": service}))
    exporter = OTLPSpanExporter(endpoint=f"{otlp_endpoint.rstrip('/')}/v1/traces")
    provider.add_span_processor(BatchSpanProcessor(exporter))
    use(provider)
    logger.info("tracing to %s", otlp_endpoint)


def use(provider: "TracerProvider") -> None:
    """Trace with `provider` from now on (its exporters are the caller's: tests give an
    in-memory one). Apps made from now on are traced; the libraries at once."""
    global _provider
    stop()
    provider.add_span_processor(stamp_service())
    _instrumentors[:] = instrumentors()
    for instrumentor in _instrumentors:
        instrumentor.instrument(tracer_provider=provider)
    _provider = provider


def stop() -> None:
    """Untrace the libraries (apps already traced keep their middleware)."""
    global _provider
    if _provider is None:
        return
    for instrumentor in _instrumentors:
        instrumentor.uninstrument()
    _instrumentors.clear()
    _provider = None


def trace_app(app: FastAPI, service: str) -> None:
    """A server span around each request, outside everything else the app runs (its direct
    routes too), continuing the caller's `traceparent`. Nothing when tracing is off."""
    if _provider is None:
        return
    from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware

    provider = _provider
    build_stack = app.build_middleware_stack

    def server_request_hook(span: "ApiSpan", scope: dict[str, Any]) -> None:
        span.set_attribute(SERVICE_ATTRIBUTE, service)

    def build_middleware_stack() -> ASGIApp:
        return OpenTelemetryMiddleware(
            build_stack(),
            tracer_provider=provider,
            excluded_urls=UNTRACED_PATHS,
            server_request_hook=server_request_hook,
            # A span per ASGI message would cost more than the request's own work.
            exclude_spans=["receive", "send"],
        )

    # Starlette builds the stack on first use, by this method: wrapped, not copied.
    app.build_middleware_stack = build_middleware_stack  # type: ignore[method-assign]


def trace_id() -> str:
    """The current trace's id (32 hex digits), for log lines; empty when there is none."""
    if _provider is None:
        return ""
    from opentelemetry import trace

    span_context = trace.get_current_span().get_span_context()
    return trace.format_trace_id(span_context.trace_id) if span_context.is_valid else ""


def inject(carrier: MutableMapping[str, Any]) -> None:
    """Put the current trace's `traceparent` into a message about to leave the process."""
    if _provider is not None:
        from opentelemetry import propagate

        propagate.inject(carrier)


def continued(carrier: MutableMapping[str, Any], name: str) -> Any:
    """A context manager: a consumer span for handling a message, in the trace its sender's
    `traceparent` names (a socket emit heard on Redis). Nothing when tracing is off."""
    if _provider is None or "traceparent" not in carrier:
        return nullcontext()
    return _consumer_span(carrier, name)


@contextmanager
def _consumer_span(carrier: MutableMapping[str, Any], name: str) -> Iterator[None]:
    from opentelemetry import propagate, trace

    assert _provider is not None
    tracer = _provider.get_tracer(__name__)
    parent = propagate.extract(carrier)
    with tracer.start_as_current_span(name, context=parent, kind=trace.SpanKind.CONSUMER):
        yield
