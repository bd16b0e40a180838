"""Every query of CSV jobs, and of the contacts an export writes.

A job belongs to its creator: a user who is not the account's owner or an admin sees only the
jobs they made, and another's answers 404 like a missing one. The tasks look a job up by id
alone: they act for the platform, on the job they were handed.
"""

from collections.abc import AsyncIterator, Mapping
from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from beanie.odm.operators.update.general import Set
from beanie.odm.queries.update import UpdateResponse

from shared.models.base import utc_now
from shared.models.contact import Contact
from shared.models.csv_queue import CsvJob, CsvJobKind, CsvJobStatus
from shared.models.membership import Role
from shared.utilities.auth import Principal
from shared.utilities.repository import TenantRepository

SEES_EVERY_JOB = (Role.OWNER, Role.ADMIN)
# A job handed back by a stopping worker is still `running`: its redelivery takes it up again.
STARTABLE = [CsvJobStatus.QUEUED, CsvJobStatus.RUNNING]


class CsvJobs(TenantRepository[CsvJob]):
    """An account's jobs of one kind that the caller may see: an export's id asked for as an
    import answers 404, and so does another member's job."""

    noun = "CSV job"

    def __init__(
        self,
        account_id: str | PydanticObjectId,
        kind: CsvJobKind,
        creator: str | PydanticObjectId | None = None,
    ) -> None:
        visibility = {"created_by": PydanticObjectId(creator)} if creator else None
        super().__init__(CsvJob, account_id, visibility=visibility)
        self.kind = kind
        self.noun = f"Contact {kind.value}"

    @classmethod
    def seen_by(cls, principal: Principal, kind: CsvJobKind) -> "CsvJobs":
        sees_all = principal.role in SEES_EVERY_JOB
        return cls(principal.account_id, kind, None if sees_all else principal.sub)

    def scoped(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return super().scoped({**(filters or {}), "kind": self.kind})

    async def by_idempotency_key(self, key: str) -> CsvJob | None:
        return await CsvJob.find_one({"account_id": self.account_id, "idempotency_key": key})

    async def take_download(self, job_id: PydanticObjectId) -> CsvJob | None:
        """The export, marked downloaded, if nobody took it before and its file is there."""
        unclaimed = self.scoped({"_id": job_id, "downloaded_at": None, "file_key": {"$ne": None}})
        return await CsvJob.find_one(unclaimed).update(
            Set({CsvJob.downloaded_at: utc_now()}), response_type=UpdateResponse.NEW_DOCUMENT
        )


async def start(job_id: str) -> CsvJob | None:
    """The job, now running, if it was queued or handed back; None when it is finished (a
    duplicate of its task)."""
    return await CsvJob.find_one(
        {"_id": PydanticObjectId(job_id), "status": {"$in": STARTABLE}}
    ).update(Set({CsvJob.status: CsvJobStatus.RUNNING}), response_type=UpdateResponse.NEW_DOCUMENT)


async def cancel(job: CsvJob) -> CsvJob | None:
    """The job, now cancelled, if it was queued or running; None when it had ended."""
    return await CsvJob.find_one({"_id": job.id, "status": {"$in": STARTABLE}}).update(
        Set({CsvJob.status: CsvJobStatus.CANCELLED, CsvJob.finished_at: utc_now()}),
        response_type=UpdateResponse.NEW_DOCUMENT,
    )


async def cancelled_with_file(job_id: str) -> CsvJob | None:
    return await CsvJob.find_one(
        {
            "_id": PydanticObjectId(job_id),
            "status": CsvJobStatus.CANCELLED,
            "file_key": {"$ne": None},
        }
    )


async def is_cancelled(job_id: PydanticObjectId) -> bool:
    return await CsvJob.find_one({"_id": job_id, "status": CsvJobStatus.CANCELLED}) is not None


async def forget_file(job_id: PydanticObjectId) -> None:
    await CsvJob.find_one({"_id": job_id}).update(Set({CsvJob.file_key: None}))


def expired_exports(now: datetime) -> AsyncIterator[CsvJob]:
    """Every account's exports past their retention: the cleanup's sweep."""
    return CsvJob.find({"kind": CsvJobKind.EXPORT, "expires_at": {"$lte": now}}).__aiter__()


def exported_contacts(
    account_id: PydanticObjectId, query: Mapping[str, Any]
) -> AsyncIterator[Contact]:
    """The contacts an export writes, oldest first; the account is one more condition, whatever
    the stored query says."""
    scoped = {"$and": [dict(query), {"account_id": account_id}]}
    return Contact.find(scoped).sort("+created_at", "+_id").__aiter__()
