"""One trace across every hop: a request the dashboard sends with a W3C `traceparent` goes
gateway -> router -> internal_api, whose contact.created event runs hooks.dispatch and then
webhook.deliver on a real Celery worker, which posts to the subscriber's endpoint. Every span
(server, client, Celery, Redis) and the delivery's own `traceparent` carry the caller's trace
id. Spans are kept in memory (OpenTelemetry's in-memory exporter)."""

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from opentelemetry.instrumentation.utils import suppress_http_instrumentation
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from internal_api.app import create_app as create_internal_api
from internal_api.settings import InternalApiSettings
from shared.utilities import tracing
from tests.factories import create_signed_in
from tests.fixtures import dashboard_chain
from tests.queue_manager.conftest import worker
from tests.queue_manager.queues.conftest import eventually, webhooks_reach_loopback

__all__ = ["webhooks_reach_loopback", "worker"]

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
TRACEPARENT = f"00-{TRACE_ID}-00f067aa0ba902b7-01"


class Subscriber:
    """The customer's endpoint: keeps the `traceparent` of each delivery."""

    def __init__(self) -> None:
        self.traceparents: list[str] = []

    async def receive(self, request: Request) -> PlainTextResponse:
        self.traceparents.append(request.headers.get("traceparent", ""))
        return PlainTextResponse("ok")

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/hooks", self.receive, methods=["POST"])])


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracing.use(provider)
    yield exporter
    tracing.stop()


@pytest.fixture
async def dashboard(spans, mongo) -> AsyncIterator[httpx.AsyncClient]:
    internal_api = create_internal_api(
        InternalApiSettings(webhook_allowed_networks=["127.0.0.0/8"])
    )
    async with dashboard_chain(internal_api) as client:
        yield client


@pytest.mark.usefixtures("worker", "webhooks_reach_loopback")
async def test_one_trace_runs_from_the_dashboard_through_the_services_and_tasks(
    dashboard, spans, serve
):
    admin = await create_signed_in()
    session = {"x-session-id": admin.session_id}
    subscriber = Subscriber()
    async with serve(subscriber.app()) as url:
        subscribed = await dashboard.post(
            "/v1/webhooks",
            json={"url": f"{url}/hooks", "event_types": ["contact.created"]},
            headers=session,
        )
        with suppress_http_instrumentation():  # the test's client is the outside caller
            created = await dashboard.post(
                "/v1/crm/contacts",
                json={"first_name": "Grace"},
                headers={**session, "traceparent": TRACEPARENT},
            )
        await eventually(lambda: delivered(subscriber))

    in_trace = [
        span for span in spans.get_finished_spans() if span.context.trace_id == int(TRACE_ID, 16)
    ]
    server_spans = {service_of(span) for span in in_trace if span.kind.name == "SERVER"}
    task_spans = {span.name for span in in_trace if span.kind.name == "CONSUMER"}
    delivery = [
        span for span in in_trace if span.name == "POST" and service_of(span) == "queue_manager"
    ]
    assert (subscribed.status_code, created.status_code) == (201, 201)
    assert {"gateway", "router", "internal_api"} <= server_spans
    assert "run/hooks.dispatch" in task_spans
    assert delivery  # the worker's call to the subscriber, by httpx
    assert any(span.name.startswith("LPUSH") for span in in_trace)  # Redis: the task sent
    assert subscriber.traceparents[0].split("-")[1] == TRACE_ID


def service_of(span: ReadableSpan) -> str:
    return str((span.attributes or {}).get(tracing.SERVICE_ATTRIBUTE, ""))


async def delivered(subscriber: Subscriber) -> bool:
    return bool(subscriber.traceparents)
