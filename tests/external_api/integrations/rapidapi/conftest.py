"""One external API per module with the platform's RapidAPI key set, RapidAPI faked at the
transport (`rapidapi_fake`, emptied for each test), retry waits recorded instead of slept,
jobs and socket emits recorded (`lead_jobs`, `lead_emits`)."""

import pytest

from external_api.app import create_app
from external_api.integrations.rapidapi.settings import RapidapiSettings
from shared.utilities.outbox import Senders
from tests.external_api.conftest import RecordingTasks, external_settings
from tests.external_api.fakes import FakeProviders
from tests.external_api.fakes.rapidapi import API_KEY
from tests.fixtures import asgi_client


class RecordingEmits:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str, dict, str]] = []

    async def emit(self, socket, event, data, room) -> None:
        self.sent.append((str(socket), event, data, room))


class Recorded:
    def __init__(self) -> None:
        self.fake = FakeProviders()
        self.waits: list[float] = []
        self.tasks = RecordingTasks()
        self.emits = RecordingEmits()

    def clear(self) -> None:
        self.fake.answers.clear()
        self.fake.requests.clear()
        self.waits.clear()
        self.tasks.sent.clear()
        self.emits.sent.clear()


@pytest.fixture(scope="module")
def recorded() -> Recorded:
    return Recorded()


@pytest.fixture(scope="module")
async def module_lead_api(recorded):
    async def sleep(seconds: float) -> None:
        recorded.waits.append(seconds)

    settings = external_settings(rapidapi=RapidapiSettings(api_key=API_KEY, page_size=2))
    app = create_app(settings, recorded.fake.transport(), sleep=sleep)
    async with asgi_client(app) as client:
        app.state.senders = Senders(tasks=recorded.tasks, emitter=recorded.emits)
        yield client


@pytest.fixture
def lead(recorded, mongo) -> Recorded:
    recorded.clear()
    return recorded


@pytest.fixture
def lead_api(module_lead_api, lead):
    return module_lead_api
