"""What CSV imports and exports share: their jobs' repository, taking a queued job to run it,
and the one place a job's progress is saved, pushed live, and its end told to its creator."""

from beanie import PydanticObjectId
from beanie.odm.operators.update.general import Set
from beanie.odm.queries.update import UpdateResponse

from shared.domain.notifications.notify import notify
from shared.models.csv_queue import CsvJob, CsvJobKind, CsvJobStatus
from shared.utilities.outbox import emit, flush
from shared.utilities.realtime import Socket, account_room
from shared.utilities.repository import TenantRepository


class CsvJobs(TenantRepository[CsvJob]):
    """An account's jobs of one kind: an export's id asked for as an import answers 404."""

    def __init__(self, account_id: str | PydanticObjectId, kind: CsvJobKind) -> None:
        super().__init__(CsvJob, account_id)
        self.kind = kind

    def scoped(self, filters=None):
        return super().scoped({**(filters or {}), "kind": self.kind})


async def claim(job_id: str) -> CsvJob | None:
    """The job, now running, if it was queued; None if a runner has it already. Looked up by
    id alone: the runner acts for the platform, on the job it was handed."""
    return await CsvJob.find_one(
        {"_id": PydanticObjectId(job_id), "status": CsvJobStatus.QUEUED}
    ).update(Set({CsvJob.status: CsvJobStatus.RUNNING}), response_type=UpdateResponse.NEW_DOCUMENT)


async def save_progress(job: CsvJob) -> None:
    """Saved, then pushed live to the account's room (`import:progress` / `export:progress`)
    with what the job did so far (say, each contact imported): it stands from now on."""
    await job.save()
    progress = job.model_dump(
        mode="json", include={"status", "total_rows", "rows_done", "rows_failed"}
    )
    emit(
        Socket.GENERAL,
        f"{job.kind.value}:progress",
        {"id": str(job.id), **progress},
        account_room(job.account_id),
    )
    if job.status in (CsvJobStatus.DONE, CsvJobStatus.FAILED):
        await notify(job.account_id, job.created_by, **finished_notice(job))
    await flush()


def finished_notice(job: CsvJob) -> dict[str, str]:
    """What the job's creator is told in the notifications center once it is done or failed."""
    what = f"Contact {job.kind.value}"
    if job.status is CsvJobStatus.FAILED:
        title, body = f"{what} failed", job.failure or ""
    elif job.kind is CsvJobKind.IMPORT:
        imported = job.rows_done - job.rows_failed
        title, body = f"{what} finished", f"{imported} imported, {job.rows_failed} refused."
    else:
        title, body = f"{what} ready", f"{job.rows_done} contacts, to download once."
    return {
        "kind": f"crm.{job.kind.value}_{job.status.value}",
        "title": title,
        "body": body,
        "link": f"/crm/{job.kind.value}s/{job.id}",
    }
