"""For tests of what users do with their own sign-in (sign-up, passwords, email): the
platform's emails an internal API asks for, recorded instead of sent, and no login attempt or
mailed link counted from an earlier test.

A conftest takes these fixtures in place of the shared ones:

    from tests.internal_api.self_service import jobs, module_app, nothing_counted, start_api

`start_api(**settings)` (and so `api`) then records every job its requests leave in `jobs`,
and `mails(jobs, "password_reset")` reads the platform messages among them.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from fastapi import FastAPI

from internal_api.app import create_app
from internal_api.auth.links import KEY_PREFIX as LINKS_PREFIX
from internal_api.auth.throttle import KEY_PREFIX as LOGIN_PREFIX
from internal_api.settings import InternalApiSettings
from shared.utilities.outbox import Senders
from shared.utilities.task_names import PLATFORM_MESSAGES_SEND
from shared.utilities.tasks import TaskSender
from tests.fixtures import asgi_client


@pytest.fixture(autouse=True)
async def nothing_counted(redis):
    """No login attempts or mailed links counted yet, for any email or address."""
    for prefix in (LOGIN_PREFIX, LINKS_PREFIX):
        async for counter in redis.scan_iter(match=f"{prefix}*"):
            await redis.delete(counter)


class RecordedJobs:
    """Every job an app sends, recorded; each but the platform's messages is passed on to the
    app's own sender (no notification service answers in these tests)."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, dict, str | None]] = []
        self.through: TaskSender | None = None

    async def send(self, name, kwargs, task_id=None, countdown=None) -> str:
        self.sent.append((name, kwargs, task_id))
        if self.through is None or name == PLATFORM_MESSAGES_SEND.name:
            return task_id or ""
        return await self.through.send(name, kwargs, task_id, countdown)

    def close(self) -> None:
        pass


@pytest.fixture
def jobs() -> RecordedJobs:
    return RecordedJobs()


def record_jobs(app: FastAPI, jobs: RecordedJobs) -> Senders:
    """The app's jobs go through `jobs` from now on (call it once its lifespan has started);
    answers the senders it had."""
    had: Senders = app.state.senders
    jobs.through = had.tasks
    app.state.senders = Senders(tasks=jobs, emitter=had.emitter)  # type: ignore[arg-type]
    return had


@pytest.fixture(scope="module")
async def module_app() -> AsyncIterator[tuple[httpx.AsyncClient, FastAPI]]:
    """One internal_api per test module (see `tests.internal_api.module_app`)."""
    app = create_app(InternalApiSettings())
    async with asgi_client(app) as client:
        yield client, app


@pytest.fixture
def start_api(module_app, client_for, mongo, jobs):
    """`async with start_api(**settings) as client`, its jobs recorded in `jobs`: the module's
    app, or one of its own for settings of its own."""

    @asynccontextmanager
    async def start(**overrides):
        if overrides:
            app = create_app(InternalApiSettings(**overrides))
            async with client_for(app) as client:
                record_jobs(app, jobs)
                yield client
            return
        client, app = module_app
        had = record_jobs(app, jobs)
        try:
            yield client
        finally:
            app.state.senders = had

    return start


def mails(jobs: RecordedJobs, event: str | None = None) -> list[dict]:
    """The platform messages asked for (of this event), as their jobs' arguments, in order."""
    return [
        kwargs
        for name, kwargs, _ in jobs.sent
        if name == PLATFORM_MESSAGES_SEND.name and event in (None, kwargs["event"])
    ]


def token_in(url: str) -> str:
    """The token a mailed link carries."""
    return parse_qs(urlsplit(url).query)["token"][0]


def last_token(jobs: RecordedJobs, event: str) -> str:
    """The token of the last link mailed for the event."""
    links = mails(jobs, event)[-1]["links"]
    return token_in(links["verify_url"] if event == "email_verification" else links["reset_url"])
