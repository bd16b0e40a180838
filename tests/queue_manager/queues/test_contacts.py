"""Queue `contacts`: a CSV import run by the queue manager's worker, stopped mid-way and
resumed (embedded mode's in-process worker, on the test Redis and database)."""

import asyncio
import logging

import pytest

from queue_manager.celery import settings as queue_manager_settings
from queue_manager.embedded import running
from queue_manager.settings import QueueManagerSettings
from shared.domain.csv_jobs import importing, repository
from shared.models.contact import Contact
from shared.models.csv_queue import CsvJob, CsvJobKind, CsvJobStatus
from shared.utilities.outbox import Senders, collecting, enqueue_job
from shared.utilities.storage import LocalStorage
from shared.utilities.task_names import CONTACTS_IMPORT_CSV
from tests.factories import create_signed_in

ROWS = 400
WAIT_SECONDS = 30


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.setattr(queue_manager_settings, "files_dir", tmp_path)
    return LocalStorage(tmp_path)


async def queued_import(files: LocalStorage, rows: int) -> CsvJob:
    owner = await create_signed_in()
    text = "First,Email\n" + "".join(f"P{n},p{n}@example.com\n" for n in range(rows))
    async with files.writer("people.csv") as writer:
        await writer.write(text.encode())
    return await CsvJob(
        account_id=owner.account.id,
        kind=CsvJobKind.IMPORT,
        created_by=owner.user.id,
        created_by_role=owner.membership.role,
        idempotency_key="people",
        file_key="people.csv",
        mapping={"First": "first_name", "Email": "emails"},
    ).insert()


async def until(job: CsvJob, done) -> CsvJob:
    async with asyncio.timeout(WAIT_SECONDS):
        while not done(stored := await CsvJob.get(job.id)):  # noqa: ASYNC110 (no change stream on mongomock)
            await asyncio.sleep(0.02)
    return stored


@pytest.mark.timeout(120)
async def test_a_stopped_worker_hands_an_import_back_mid_way_and_the_next_resumes_it(
    mongo, files, monkeypatch, caplog
):
    write_contacts = importing.write_contacts

    async def slowly(*args, **options):
        await asyncio.sleep(0.05)  # so the import is still running when the worker stops
        return await write_contacts(*args, **options)

    monkeypatch.setattr(importing, "CHUNK_ROWS", 10)
    monkeypatch.setattr(importing, "write_contacts", slowly)
    job = await queued_import(files, ROWS)
    settings = QueueManagerSettings()
    senders = Senders.for_redis(settings.redis_url)

    with caplog.at_level(logging.WARNING):
        async with running(settings):
            async with collecting(senders):
                enqueue_job(CONTACTS_IMPORT_CSV, job_id=str(job.id))
            await until(job, lambda stored: stored.rows_done >= 30)
    handed_back = await CsvJob.get(job.id)
    contacts_then = await Contact.find({"account_id": job.account_id}).count()

    monkeypatch.setattr(importing, "write_contacts", write_contacts)
    async with running(settings):
        resumed = await until(job, lambda stored: stored.status is not CsvJobStatus.RUNNING)
    senders.close()

    assert "did not stop" not in caplog.text  # the worker stopped within its 5 s bound
    assert handed_back.status is CsvJobStatus.RUNNING
    assert 30 <= handed_back.rows_done < ROWS  # handed back, not finished first
    assert contacts_then == handed_back.rows_done  # no chunk written without its progress
    assert (resumed.status, resumed.rows_done, resumed.rows_failed) == (CsvJobStatus.DONE, ROWS, 0)
    contacts = await Contact.find({"account_id": job.account_id}).to_list()
    assert len({contact.first_name for contact in contacts}) == len(contacts) == ROWS


async def test_an_import_cancelled_while_running_stops_before_its_next_chunk(
    mongo, files, monkeypatch
):
    write_contacts = importing.write_contacts

    async def slowly(*args, **options):
        await asyncio.sleep(0.05)
        return await write_contacts(*args, **options)

    monkeypatch.setattr(importing, "CHUNK_ROWS", 10)
    monkeypatch.setattr(importing, "write_contacts", slowly)
    job = await queued_import(files, ROWS)
    settings = QueueManagerSettings()
    senders = Senders.for_redis(settings.redis_url)

    async with running(settings):
        async with collecting(senders):
            enqueue_job(CONTACTS_IMPORT_CSV, job_id=str(job.id))
        running_job = await until(job, lambda stored: stored.rows_done >= 20)
        await repository.cancel(running_job)
        ended = await until(job, lambda stored: stored.file_key is None)
    senders.close()

    assert ended.status is CsvJobStatus.CANCELLED
    assert 20 <= ended.rows_done < ROWS
    assert await Contact.find({"account_id": job.account_id}).count() == ended.rows_done
    assert list(files.directory.iterdir()) == []


async def test_an_import_cancelled_before_it_started_imports_nothing_and_loses_its_file(
    mongo, files
):
    job = await queued_import(files, 5)
    await repository.cancel(job)
    settings = QueueManagerSettings()
    senders = Senders.for_redis(settings.redis_url)

    async with running(settings):
        async with collecting(senders):
            enqueue_job(CONTACTS_IMPORT_CSV, job_id=str(job.id))
        ended = await until(job, lambda stored: stored.file_key is None)
    senders.close()

    assert (ended.status, ended.rows_done) == (CsvJobStatus.CANCELLED, 0)
    assert await Contact.find({"account_id": job.account_id}).count() == 0
    assert list(files.directory.iterdir()) == []
