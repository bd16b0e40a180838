"""A submission as the platform shows it, in the forms API's answers and in the
`form.submitted` webhook event alike: its answers as they were given, each with its field's
label and kind on the version answered."""

from typing import Any

from shared.models.form import FieldKind
from shared.models.form_submission import SubmissionStatus
from shared.models.lead import Attribution
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel


class AnswerRead(ReadModel):
    key: str
    label: str
    kind: FieldKind
    value: Any


class SubmissionRead(DocumentRead):
    form_id: IdStr
    form_version: int
    client_submission_id: str
    answers: list[AnswerRead]
    attribution: Attribution
    status: SubmissionStatus
    contact_id: IdStr | None
    new_contact: bool | None
    lead_id: IdStr | None
    deal_id: IdStr | None
