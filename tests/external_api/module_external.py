"""One external API per test module, for modules whose tests need no settings of their own:
starting the app once rather than per test is most of what they cost. The providers' fake and
the recorded jobs are emptied before each test, the database after it (`mongo`).

A test module takes `external`, `fake` and `jobs` from here in place of the conftest's:

    from tests.external_api.module_external import external, fake, jobs, module_external
"""

import pytest

from external_api.app import create_app
from external_api.integrations.google.settings import GoogleSettings
from shared.utilities.outbox import Senders
from tests.external_api.conftest import (
    ADS_DEVELOPER_TOKEN,
    GOOGLE_CLIENT_ID,
    GOOGLE_CLIENT_SECRET,
    RecordingEmitter,
    RecordingTasks,
    external_settings,
)
from tests.external_api.fakes import FakeProviders
from tests.fixtures import asgi_client

PUSH_TOKEN = "push-secret"
FAKE = FakeProviders()
JOBS = RecordingTasks()


async def no_wait(seconds: float) -> None:
    pass


@pytest.fixture(scope="module")
async def module_external():
    google = GoogleSettings(
        client_id=GOOGLE_CLIENT_ID,
        client_secret=GOOGLE_CLIENT_SECRET,
        ads_developer_token=ADS_DEVELOPER_TOKEN,
        business_push_token=PUSH_TOKEN,
    )
    app = create_app(external_settings(google=google), FAKE.transport(), sleep=no_wait)
    async with asgi_client(app) as client:
        app.state.senders = Senders(tasks=JOBS, emitter=RecordingEmitter())
        yield client


@pytest.fixture
def fake() -> FakeProviders:
    FAKE.answers.clear()
    FAKE.requests.clear()
    return FAKE


@pytest.fixture
def jobs() -> RecordingTasks:
    JOBS.sent.clear()
    return JOBS


@pytest.fixture
async def external(module_external, fake, jobs, mongo):
    return module_external
