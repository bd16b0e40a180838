"""Every query of a submission's processing: the live form it is made on, and an account's
submissions.

A public submission names its form by id alone, with no session to say whose it is: `live_form`
is the one query that finds a form across accounts, and everything after it is scoped to the
form's account.
"""

from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from beanie.odm.queries.update import UpdateResponse

from shared.domain.forms.errors import FormNotFound
from shared.models.base import utc_now
from shared.models.form import Form
from shared.models.form_submission import FormSubmission, SubmissionStatus
from shared.models.pipeline import Pipeline
from shared.utilities.repository import TenantRepository, object_id


async def live_form(form_id: str) -> Form:
    """The form, unless it is archived: `FormNotFound` for a missing or archived one alike."""
    oid = object_id(form_id)
    form = await Form.find_one({"_id": oid, "archived_at": None}) if oid else None
    if form is None:
        raise FormNotFound(f"Form {form_id} does not exist.")
    return form


async def has_stage(
    account_id: PydanticObjectId, pipeline_id: PydanticObjectId, stage_id: PydanticObjectId
) -> bool:
    """Whether the account's pipeline has this stage."""
    pipelines = TenantRepository(Pipeline, account_id)
    return await pipelines.count({"_id": pipeline_id, "stages.id": stage_id}) > 0


class SubmissionRepository(TenantRepository[FormSubmission]):
    noun = "Submission"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(FormSubmission, account_id)

    async def by_client_id(
        self, form_id: PydanticObjectId, client_submission_id: str
    ) -> FormSubmission | None:
        return await self.find_one(
            {"form_id": form_id, "client_submission_id": client_submission_id}
        )

    async def of_form(self, form_id: PydanticObjectId, submission_id: str) -> FormSubmission | None:
        oid = object_id(submission_id)
        return await self.find_one({"_id": oid, "form_id": form_id}) if oid else None

    async def record(self, submission: FormSubmission, **fields: Any) -> None:
        """`fields` set on the stored submission in one `$set`, and on `submission`: not a
        diff of the whole document, whose answers make it the largest write of a submission."""
        changes = {**fields, "updated_at": utc_now()}
        await FormSubmission.get_motor_collection().update_one(
            self.scoped({"_id": submission.id}), {"$set": changes}
        )
        for name, value in changes.items():
            setattr(submission, name, value)

    async def take_over(
        self, submission: FormSubmission, stale_before: datetime, fields: dict[str, Any]
    ) -> FormSubmission | None:
        """The submission taken over by this caller to process it again, with `fields` set;
        None when it may not be: only one that failed, or that is still processing since before
        `stale_before` (its process died), and only by one of the callers racing for it."""
        stopped = {
            "_id": submission.id,
            "$or": [
                {"status": SubmissionStatus.FAILED.value},
                {"status": SubmissionStatus.PROCESSING.value, "updated_at": {"$lt": stale_before}},
            ],
        }
        changes = {**fields, "status": SubmissionStatus.PROCESSING, "updated_at": utc_now()}
        return await FormSubmission.find_one(self.scoped(stopped)).update(
            {"$set": changes}, response_type=UpdateResponse.NEW_DOCUMENT
        )
