"""/v1/jobs/{id} and /v1/dead-letters: a job's status from its record (or Celery's result
backend), the dead letters listed and redriven to a real worker."""

import asyncio
import os
import uuid
from datetime import timedelta

import pytest
from celery import Celery

from queue_manager.app import create_app
from queue_manager.settings import QueueManagerSettings
from shared.models.base import utc_now
from shared.models.csv_queue import CsvJob, CsvJobKind, CsvJobStatus
from shared.models.dead_letter import DeadLetter
from shared.models.task_run import TaskRun, TaskStatus
from shared.utilities.worker.repository import find_run
from tests.factories import create_signed_in
from tests.queue_manager.factories import create_dead_letter, create_task_run, service_headers

WAIT_SECONDS = 30


@pytest.fixture
async def api(client_for, mongo):
    async with client_for(create_app(QueueManagerSettings())) as client:
        yield client


async def completed(task_id: str) -> TaskRun:
    """Wait (yielding to the worker's bodies on this loop) until the task has completed."""
    async with asyncio.timeout(WAIT_SECONDS):
        while True:
            run = await find_run(task_id)
            if run.status is TaskStatus.COMPLETED:
                return run
            await asyncio.sleep(0.05)


async def test_a_csv_import_answers_its_progress_by_its_id(api):
    owner = await create_signed_in()
    job = CsvJob(
        account_id=owner.account.id,
        kind=CsvJobKind.IMPORT,
        status=CsvJobStatus.RUNNING,
        created_by=owner.user.id,
        created_by_role="owner",
        idempotency_key="k1",
        total_rows=10,
        rows_done=4,
        rows_failed=1,
    )
    await job.insert()

    answer = await api.get(f"/v1/jobs/{job.id}", headers=service_headers())

    body = answer.json()
    assert (body["name"], body["status"], body["result"]) == ("contacts.import", "running", None)
    assert body["progress"] == {"total_rows": 10, "rows_done": 4, "rows_failed": 1}


async def test_a_job_answers_its_status_progress_and_result(api):
    run = await create_task_run(
        status=TaskStatus.COMPLETED,
        attempts=2,
        progress={"current": 10, "total": 10},
        result={"imported": 10},
        finished_at=utc_now(),
    )

    answer = await api.get(f"/v1/jobs/{run.task_id}", headers=service_headers())

    assert answer.status_code == 200
    body = answer.json()
    assert {key: body[key] for key in ("id", "name", "status", "progress", "result")} == {
        "id": run.task_id,
        "name": "contacts.import_rows",
        "status": "completed",
        "progress": {"current": 10, "total": 10},
        "result": {"imported": 10},
    }
    assert (body["attempts"], body["error"]) == (2, None)


async def test_a_task_outside_the_runtime_answers_from_celerys_result_backend(api):
    task_id = uuid.uuid4().hex
    backend = Celery(broker=os.environ["REDIS_URL"], backend=os.environ["REDIS_URL"])
    backend.backend.store_result(task_id, {"rows": 3}, "SUCCESS")
    backend.close()

    answer = await api.get(f"/v1/jobs/{task_id}", headers=service_headers())

    assert (answer.json()["status"], answer.json()["result"]) == ("success", {"rows": 3})


async def test_an_unknown_job_answers_404(api):
    answer = await api.get(f"/v1/jobs/{uuid.uuid4().hex}", headers=service_headers())

    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "not_found"


async def test_dead_letters_are_listed_most_recent_first_by_page(api):
    older = await create_dead_letter(failed_at=utc_now() - timedelta(hours=2))
    newer = await create_dead_letter(failed_at=utc_now() - timedelta(hours=1))

    answer = await api.get("/v1/dead-letters?limit=1", headers=service_headers())

    body = answer.json()
    assert [letter["id"] for letter in body["data"]] == [str(newer.id)]
    assert body["pagination"] == {"page": 1, "limit": 1, "total": 2, "next_page": 2}
    assert body["data"][0]["task_name"] == older.task_name
    assert body["data"][0]["error"] == "Boom: no"


async def test_a_redriven_dead_letter_runs_again_on_a_worker(api, worker):
    letter = await create_dead_letter()

    answer = await api.post(f"/v1/dead-letters/{letter.id}/redrive", headers=service_headers())

    assert answer.status_code == 200
    assert answer.json()["redriven_at"] is not None
    run = await completed(letter.task_id)
    assert (run.attempts, run.result) == (1, 0)


async def test_a_dead_letter_redriven_twice_answers_409_while_it_runs(api):
    letter = await create_dead_letter()
    await api.post(f"/v1/dead-letters/{letter.id}/redrive", headers=service_headers())
    await TaskRun.get_motor_collection().update_one(
        {"_id": letter.task_id}, {"$set": {"status": TaskStatus.RUNNING.value}}
    )

    answer = await api.post(f"/v1/dead-letters/{letter.id}/redrive", headers=service_headers())

    assert answer.status_code == 409
    assert answer.json()["error"]["code"] == "dead_letter_redriven"


async def test_an_unknown_dead_letter_answers_404(api):
    answer = await api.post("/v1/dead-letters/nope/redrive", headers=service_headers())

    assert answer.status_code == 404


async def test_an_account_admin_may_not_redrive(api):
    admin = await create_signed_in()
    letter = await create_dead_letter()

    answer = await api.post(f"/v1/dead-letters/{letter.id}/redrive", headers=admin.headers)

    assert answer.status_code == 403
    assert (await DeadLetter.get(letter.id)).redriven_at is None
