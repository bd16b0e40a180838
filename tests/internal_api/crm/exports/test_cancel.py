"""Cancelling an export at the service, its task's run called here (no worker, so nothing
writes it first): a queued export is never written, one being written stops and keeps no file.
The route's refusals are in test_exports.py."""

import os
from collections.abc import Iterator

import pytest

from internal_api.crm.exports import service
from shared.domain.csv_jobs import exporting
from shared.domain.csv_jobs.exporting import run_export, stored_query
from shared.models.csv_queue import CsvJob, CsvJobKind, CsvJobStatus
from shared.utilities.outbox import Senders, collecting
from shared.utilities.storage import LocalStorage
from tests.factories import SignedIn, create_contact, create_signed_in


@pytest.fixture
async def owner(mongo) -> SignedIn:
    signed_in = await create_signed_in()
    for name in ("Ada", "Alan"):
        await create_contact(signed_in.account, first_name=name)
    return signed_in


@pytest.fixture
def senders() -> Iterator[Senders]:
    senders = Senders.for_redis(os.environ["REDIS_URL"])
    yield senders
    senders.close()


async def queued_export(owner: SignedIn) -> CsvJob:
    return await CsvJob(
        account_id=owner.account.id,
        kind=CsvJobKind.EXPORT,
        created_by=owner.user.id,
        created_by_role=owner.membership.role,
        idempotency_key=f"export-{owner.user.id}",
        query=stored_query({}),
        columns=["first_name"],
    ).insert()


async def test_a_queued_export_cancelled_is_never_written(owner, tmp_path):
    job = await queued_export(owner)

    cancelled = await service.cancel_export(owner.state.principal(), str(job.id))
    await run_export(str(job.id), LocalStorage(tmp_path), retention_seconds=60)

    stored = await CsvJob.get(job.id)
    assert cancelled.status is CsvJobStatus.CANCELLED
    assert (stored.status, stored.rows_done, stored.file_key) == (CsvJobStatus.CANCELLED, 0, None)
    assert list(tmp_path.iterdir()) == []


async def test_an_export_cancelled_while_written_stops_and_keeps_no_file(
    owner, senders, tmp_path, monkeypatch
):
    job = await queued_export(owner)
    monkeypatch.setattr(exporting, "PROGRESS_EVERY_ROWS", 1)
    start = exporting.repository.start

    async def started_then_cancelled(job_id: str) -> CsvJob | None:
        started = await start(job_id)
        await service.cancel_export(owner.state.principal(), job_id)
        return started

    monkeypatch.setattr(exporting.repository, "start", started_then_cancelled)

    async with collecting(senders):  # the progress it pushes, as the task's runtime gives it
        await run_export(str(job.id), LocalStorage(tmp_path), retention_seconds=60)

    stored = await CsvJob.get(job.id)
    assert (stored.status, stored.rows_done, stored.file_key) == (CsvJobStatus.CANCELLED, 1, None)
    assert list(tmp_path.iterdir()) == []
