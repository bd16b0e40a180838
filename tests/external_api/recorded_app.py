"""One external API per test module on the given settings, its providers faked at the
transport, retry waits recorded instead of slept, jobs and socket emits recorded: what a
folder's conftest builds its module-scoped app from (starting the app once per module rather
than per test is most of what such tests would cost).

    @pytest.fixture(scope="module")
    async def module_api(recorded):
        async with recorded_api(recorded, beamer=BeamerSettings(api_key=KEY)) as client:
            yield client
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from external_api.app import create_app
from shared.utilities.outbox import Senders
from tests.external_api.conftest import RecordingEmitter, RecordingTasks, external_settings
from tests.external_api.fakes import FakeProviders
from tests.fixtures import asgi_client


class Recorded:
    def __init__(self) -> None:
        self.fake = FakeProviders()
        self.waits: list[float] = []
        self.tasks = RecordingTasks()
        self.emits = RecordingEmitter()

    def clear(self) -> "Recorded":
        self.fake.answers.clear()
        self.fake.requests.clear()
        self.waits.clear()
        self.tasks.sent.clear()
        self.emits.sent.clear()
        return self


@asynccontextmanager
async def recorded_api(recorded: Recorded, **settings) -> AsyncIterator[httpx.AsyncClient]:
    async def sleep(seconds: float) -> None:
        recorded.waits.append(seconds)

    app = create_app(external_settings(**settings), recorded.fake.transport(), sleep=sleep)
    async with asgi_client(app) as client:
        app.state.senders = Senders(tasks=recorded.tasks, emitter=recorded.emits)
        yield client
