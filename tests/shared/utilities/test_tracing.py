"""Tracing is off without an OTLP endpoint; on, log lines name the trace they are written in and
a socket emit carries its trace to the replica delivering it."""

import json
import logging
import os
from collections.abc import AsyncIterator, Iterator

import pytest
import socketio
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from shared.utilities import tracing
from shared.utilities.logging import ContextFilter, JsonLineFormatter
from shared.utilities.realtime import Socket, SocketEmitter, SocketServer, redis_manager
from tests.general_socket.clients import SocketClient

ROOM = "room:traced"


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracing.use(provider)
    yield exporter
    tracing.stop()


def log_line(message: str) -> dict:
    record = logging.makeLogRecord({"msg": message, "levelname": "INFO", "name": "test"})
    ContextFilter().filter(record)
    return json.loads(JsonLineFormatter().format(record))


def test_without_an_otlp_endpoint_nothing_is_traced():
    tracing.start("router", otlp_endpoint="")

    assert not tracing.is_on()
    assert log_line("no trace")["trace_id"] == ""


def test_a_log_line_names_the_trace_it_is_written_in(spans):
    tracer = tracing._provider.get_tracer("test")  # type: ignore[union-attr]

    with tracer.start_as_current_span("work") as span:
        line = log_line("inside")

    assert line["trace_id"] == f"{span.get_span_context().trace_id:032x}"


@pytest.fixture
async def replica(serve) -> AsyncIterator[SocketClient]:
    """A socket replica on the test Redis, its one client in ROOM."""
    sio = SocketServer(
        async_mode="asgi", client_manager=redis_manager(os.environ["REDIS_URL"], Socket.GENERAL)
    )

    @sio.event
    async def connect(sid: str, environ: dict, auth: object = None) -> None:
        await sio.enter_room(sid, ROOM)

    async with serve(socketio.ASGIApp(sio)) as url:
        await sio.subscribe()
        client = SocketClient()
        assert await client.connect(url) is None
        yield client
        await client.disconnect()
        await sio.unsubscribe()


async def test_a_socket_emit_is_delivered_in_the_emitters_trace(spans, replica):
    tracer = tracing._provider.get_tracer("test")  # type: ignore[union-attr]
    emitter = SocketEmitter(os.environ["REDIS_URL"])

    with tracer.start_as_current_span("request") as request:
        await emitter.emit(Socket.GENERAL, "traced", {"n": 1}, ROOM)
    received = await replica.next("traced")

    delivered = [span for span in spans.get_finished_spans() if span.name == "emit traced"]
    assert received == {"n": 1}
    assert delivered[0].context.trace_id == request.get_span_context().trace_id
    assert delivered[0].parent is not None
