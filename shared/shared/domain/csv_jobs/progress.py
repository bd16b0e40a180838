"""The one place a CSV job's progress is saved, pushed live, and its end told to its creator.

Progress goes to the creator's own room (`import:progress` / `export:progress`), not the
account's: another member of the account never learns the job or its id.
"""

from shared.domain.notifications.notify import notify
from shared.models.csv_queue import CsvJob, CsvJobKind, CsvJobStatus
from shared.utilities.outbox import emit, flush
from shared.utilities.realtime import Socket, user_room

FINISHED = (CsvJobStatus.DONE, CsvJobStatus.FAILED)
ENDED = (*FINISHED, CsvJobStatus.CANCELLED)


async def save_progress(job: CsvJob, *, announce: bool = True) -> None:
    """Saved, then (with `announce`) pushed live, with what the job did so far sent on (say,
    each contact imported and its events): it stands from now on, whatever happens next."""
    # Only what the run changed: a cancel written meanwhile stands.
    await job.save_changes()
    if announce or job.status in ENDED:
        progress = job.model_dump(
            mode="json", include={"status", "total_rows", "rows_done", "rows_failed"}
        )
        emit(
            Socket.GENERAL,
            f"{job.kind.value}:progress",
            {"id": str(job.id), **progress},
            user_room(job.created_by),
        )
    if job.status in FINISHED:
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
