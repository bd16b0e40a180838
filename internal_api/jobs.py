"""Background work inside the internal API's process: CSV imports and exports, and the
periodic sweep deleting expired exports.

A stand-in until the queue manager runs these as Celery tasks called by name: each job is a
plain async function taking ids (and the file storage), so it moves there unchanged. Tasks are
tracked and cancelled when the service stops; a job cut short that way stays `running`.
Routes submit a job only once the request has succeeded, so nothing runs for failed work.
"""

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request

from internal_api.crm.exports.service import delete_expired_exports
from internal_api.storage import LocalStorage
from shared.utilities.outbox import Senders, collecting

logger = logging.getLogger(__name__)

Job = Callable[..., Awaitable[Any]]


class JobRunner:
    """Each run of a job collects its jobs and socket emits in an outbox of its own, sent when
    the run ends without an error (a job may `flush` it as it commits its progress)."""

    def __init__(self, senders: Senders) -> None:
        self.senders = senders
        self.tasks: set[asyncio.Task] = set()

    def submit(self, job: Job, *args: Any) -> asyncio.Task:
        task = asyncio.create_task(self.logged(job, *args), name=job.__name__)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    def every(self, seconds: float, job: Job, *args: Any) -> asyncio.Task:
        async def repeat() -> None:
            while True:
                await asyncio.sleep(seconds)
                await self.logged(job, *args)

        return self.submit(repeat)

    async def logged(self, job: Job, *args: Any) -> None:
        # A job records its own failure where it belongs; this catches what escaped it.
        try:
            async with collecting(self.senders):
                await job(*args)
        except Exception:
            logger.exception("background job %s failed", job.__name__)

    async def stop(self) -> None:
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)


@asynccontextmanager
async def background_work(app: FastAPI) -> AsyncIterator[None]:
    """The app's file storage and job runner, with the export sweep started."""
    settings = app.state.settings
    app.state.storage = LocalStorage(settings.files_dir)
    app.state.jobs = JobRunner(app.state.senders)
    app.state.jobs.every(
        settings.export_cleanup_interval_seconds, delete_expired_exports, app.state.storage
    )
    try:
        yield
    finally:
        await app.state.jobs.stop()


def get_jobs(request: Request) -> JobRunner:
    return request.app.state.jobs


Jobs = Annotated[JobRunner, Depends(get_jobs)]
