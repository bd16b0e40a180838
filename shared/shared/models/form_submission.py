"""One submission of a form: the answers as they were given, each with a copy of its field's
label and kind on the version the visitor answered (so editing the form never changes how a
past submission reads), where the visitor came from, and what it made (the contact, the lead,
the deal).

It is stored before anything it makes (`status` processing), so no contact is ever made by a
submission that is not recorded, and it is the idempotency record: one per client submission
id and form (a unique index, so two racing requests store one). See
`shared.domain.forms.submitting`.
"""

from enum import StrEnum
from typing import Any

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument
from shared.models.form import FieldKind
from shared.models.lead import Attribution


class SubmissionStatus(StrEnum):
    PROCESSING = "processing"  # stored; its contact, lead and deal being made
    FAILED = "failed"  # stopped half-way: sending it again (same client id) resumes it
    PROCESSED = "processed"


class Answer(BaseModel):
    key: str
    label: str  # the field's, on the version answered
    kind: FieldKind
    value: Any  # text, a number, a list of options, true/false; None when left empty


class FormSubmission(TenantDocument):
    form_id: PydanticObjectId
    form_version: int
    client_submission_id: str
    answers: list[Answer]
    attribution: Attribution = Attribution()
    status: SubmissionStatus = SubmissionStatus.PROCESSING
    contact_id: PydanticObjectId | None = None
    new_contact: bool | None = None  # whether the submission made the contact
    lead_id: PydanticObjectId | None = None
    deal_id: PydanticObjectId | None = None

    def answer(self, key: str) -> Any:
        return next((answer.value for answer in self.answers if answer.key == key), None)

    class Settings:
        name = "form_submissions"
        use_state_management = True
        indexes = [
            IndexModel([("form_id", ASCENDING), ("client_submission_id", ASCENDING)], unique=True),
            # A form's submissions, newest first.
            IndexModel(
                [("account_id", ASCENDING), ("form_id", ASCENDING), ("created_at", DESCENDING)]
            ),
            # A merged contact's submissions move to the survivor.
            IndexModel([("account_id", ASCENDING), ("contact_id", ASCENDING)]),
        ]
