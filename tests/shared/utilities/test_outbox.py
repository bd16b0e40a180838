"""The outbox: jobs and emits asked for during a request leave only when it succeeded."""

import asyncio
from contextlib import asynccontextmanager

import pytest
import socketio
from fastapi import APIRouter

from conversation_socket.settings import ConversationSocketSettings
from shared.utilities.app import create_app
from shared.utilities.errors import Conflict
from shared.utilities.events import publish_event
from shared.utilities.outbox import Senders, collecting, emit, enqueue_job, flush
from shared.utilities.realtime import Socket, account_room
from shared.utilities.settings import ServiceSettings
from shared.utilities.task_names import WEBHOOK_DELIVER


class RecordingTasks:
    def __init__(self) -> None:
        self.sent: list[tuple] = []
        self.countdowns: dict[str | None, float | None] = {}

    async def send(self, name, kwargs, task_id=None, countdown=None) -> str:
        self.sent.append((name, kwargs, task_id))
        self.countdowns[task_id] = countdown
        return task_id or "id"

    def close(self) -> None:
        pass


class RecordingEmitter:
    def __init__(self) -> None:
        self.emitted: list[tuple] = []

    async def emit(self, socket, event, data, room) -> None:
        self.emitted.append((socket, event, data, room))


@pytest.fixture
def senders() -> Senders:
    return Senders(tasks=RecordingTasks(), emitter=RecordingEmitter())


def app_asking_for_work(senders: Senders):
    router = APIRouter()

    @router.post("/works")
    async def works() -> dict:
        enqueue_job(WEBHOOK_DELIVER, task_id="delivery-1", delivery_id="d1")
        emit(Socket.GENERAL, "contact:created", {"id": "c1"}, account_room("a1"))
        return {}

    @router.post("/fails")
    async def fails() -> dict:
        enqueue_job(WEBHOOK_DELIVER, delivery_id="d1")
        emit(Socket.GENERAL, "contact:created", {"id": "c1"}, account_room("a1"))
        raise Conflict("No.")

    @asynccontextmanager
    async def recording_senders(app):
        app.state.senders = senders
        yield

    return create_app(
        ServiceSettings(),
        title="t",
        routers=[router],
        uses_redis=True,
        sends_work=True,
        lifespans=[recording_senders],
    )


async def test_a_successful_request_sends_its_jobs_and_emits(client_for, senders):
    async with client_for(app_asking_for_work(senders)) as client:
        await client.post("/works")

    assert senders.tasks.sent == [("webhook.deliver", {"delivery_id": "d1"}, "delivery-1")]
    assert senders.emitter.emitted == [
        (Socket.GENERAL, "contact:created", {"id": "c1"}, "account:a1")
    ]


async def test_a_failed_request_sends_nothing(client_for, senders):
    async with client_for(app_asking_for_work(senders)) as client:
        response = await client.post("/fails")

    assert response.status_code == 409
    assert senders.tasks.sent == []
    assert senders.emitter.emitted == []


async def test_a_block_that_raises_sends_nothing(senders):
    with pytest.raises(ValueError):
        async with collecting(senders):
            enqueue_job(WEBHOOK_DELIVER, delivery_id="d1")
            raise ValueError

    assert senders.tasks.sent == []


def test_asking_for_work_outside_an_outbox_is_an_error():
    with pytest.raises(RuntimeError, match="No outbox is open"):
        enqueue_job(WEBHOOK_DELIVER, delivery_id="d1")


async def test_an_emit_reaches_a_socket_client_through_redis(serve, mongo):
    from conversation_socket.app import create_app as create_socket_app
    from tests.factories import create_signed_in

    settings = ConversationSocketSettings()
    signed_in = await create_signed_in()
    received: asyncio.Queue = asyncio.Queue()
    async with serve(create_socket_app(settings)) as url:
        client = socketio.AsyncClient(reconnection=False)
        client.on("ping:test", received.put_nowait)
        await client.connect(url, auth={"session_id": signed_in.session_id}, wait_timeout=5)
        senders = Senders.for_redis(settings.redis_url)
        try:
            async with collecting(senders):
                emit(Socket.CONVERSATION, "ping:test", {"n": 1}, room=client.get_sid())
            assert await asyncio.wait_for(received.get(), 5) == {"n": 1}
        finally:
            senders.close()
            await client.disconnect()


async def test_a_published_event_goes_to_the_hooks_queue_with_its_id_as_task_id(senders):
    async with collecting(senders):
        event_id = publish_event("a1", "contact.created", {"id": "c1"})

    [(name, kwargs, task_id)] = senders.tasks.sent
    assert (name, task_id) == ("hooks.dispatch", event_id)
    assert kwargs["event"]["type"] == "contact.created"
    assert kwargs["event"]["account_id"] == "a1"
    assert kwargs["event"]["data"] == {"id": "c1"}


async def test_a_flush_sends_what_is_held_so_far_and_the_rest_at_the_end(senders):
    async with collecting(senders):
        emit(Socket.GENERAL, "import:progress", {"rows_done": 100}, account_room("a1"))
        await flush()
        sent_by_the_flush = list(senders.emitter.emitted)
        emit(Socket.GENERAL, "import:progress", {"rows_done": 200}, account_room("a1"))

    assert [data for _, _, data, _ in sent_by_the_flush] == [{"rows_done": 100}]
    assert [data for _, _, data, _ in senders.emitter.emitted] == [
        {"rows_done": 100},
        {"rows_done": 200},
    ]


async def test_what_a_block_flushed_stays_sent_when_it_then_fails(senders):
    with pytest.raises(ValueError):
        async with collecting(senders):
            emit(Socket.GENERAL, "import:progress", {"rows_done": 100}, account_room("a1"))
            await flush()
            emit(Socket.GENERAL, "import:progress", {"rows_done": 200}, account_room("a1"))
            raise ValueError

    assert [data for _, _, data, _ in senders.emitter.emitted] == [{"rows_done": 100}]


async def test_a_service_that_sends_no_work_gets_no_outbox(client_for):
    router = APIRouter()

    @router.post("/asks")
    async def asks() -> dict:
        enqueue_job(WEBHOOK_DELIVER, delivery_id="d1")
        return {}

    app = create_app(ServiceSettings(), title="t", routers=[router], uses_redis=True)
    async with client_for(app) as client:
        response = await client.post("/asks")

    assert response.status_code == 500
    assert not hasattr(app.state, "senders")
