"""Embedded mode: the queue manager's worker and crons inside the supervisor's process (here,
the test's), on the test Redis."""

import asyncio
from datetime import timedelta

from queue_manager.embedded import running
from queue_manager.layout import CRONS, Cron
from queue_manager.settings import QueueManagerSettings
from shared.models.automation import AddTag
from shared.models.automation_log import RunStatus
from shared.models.task_run import TaskRun, TaskStatus
from shared.utilities.outbox import Senders, collecting, enqueue_job
from shared.utilities.task_names import TASK_RUNS_CLEANUP_DELETE_FINISHED, TRIGGERS_RUN_AUTOMATION
from tests.factories import create_contact, create_signed_in
from tests.queue_manager.triggers.factories import WAIT_SECONDS, create_run, finished


async def test_jobs_sent_by_a_service_are_run_by_the_embedded_worker(mongo):
    owner = await create_signed_in()
    run = await create_run(owner.account, await create_contact(owner.account), [AddTag(tag="x")])
    settings = QueueManagerSettings()
    senders = Senders.for_redis(settings.redis_url)

    async with running(settings):
        async with collecting(senders):
            enqueue_job(TRIGGERS_RUN_AUTOMATION, task_id=str(run.id), log_id=str(run.id))
        stored = await finished(run)
    senders.close()

    assert stored.status is RunStatus.SUCCEEDED


async def test_the_crons_switched_on_are_sent_on_a_timer(mongo, monkeypatch):
    every_tick = Cron(TASK_RUNS_CLEANUP_DELETE_FINISHED, timedelta(seconds=0.05))
    monkeypatch.setitem(CRONS, "task_runs_cleanup", every_tick)

    async with running(QueueManagerSettings()):
        async with asyncio.timeout(WAIT_SECONDS):
            while not await TaskRun.find_one(  # noqa: ASYNC110 (no change stream on mongomock)
                {"name": every_tick.task.name, "status": TaskStatus.COMPLETED.value}
            ):
                await asyncio.sleep(0.05)
