"""/v1/forms: the account's lead-capture forms, their versions and submissions (signed in);
/v1/forms/public/{form_id}: a form's definition for a page to render, and its submissions
posted by any website, without a session."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from internal_api.dependencies import Settings
from internal_api.extended import Extended
from internal_api.forms import service
from internal_api.forms.auth import FormsRead, FormsWrite
from internal_api.forms.errors import FormArchived, FormChanged, InvalidDefinition
from internal_api.forms.public_body import UnsupportedMediaType, read_public_submission
from internal_api.forms.repository import FormRepository, VersionRepository
from internal_api.forms.schemas import (
    FormCreate,
    FormRead,
    FormUpdate,
    FormVersionRead,
    PublicFormRead,
    SubmissionAccepted,
    SubmissionWithVersion,
)
from internal_api.forms.secrets import CaptchaSealer
from shared.domain.accounts.users import NotAccountUsers
from shared.domain.forms.errors import FormNotFound, InvalidAnswers
from shared.domain.forms.schemas import SubmissionRead
from shared.models.form import Form, FormVersion
from shared.models.form_submission import FormSubmission
from shared.utilities.errors import SIGNED_IN, InvalidBody, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, Paging, sorted_by

router = APIRouter(prefix="/v1/forms", tags=["forms"])

FormPaging = Annotated[PageParams, Depends(sorted_by(FormRepository.sortable))]
VersionPaging = Annotated[PageParams, Depends(sorted_by(VersionRepository.sortable, "-number"))]
DEFINITION_ERRORS = (InvalidInput, InvalidDefinition, NotAccountUsers, NotFound)


@router.get(
    "/public/{form_id}",
    response_model=PublicFormRead,
    summary="A form's definition, for a page to render it (no session)",
    description="Its steps and fields, the captcha's site key and the honeypot field's name; "
    "never its secret, recipients, tags or deal. An archived form answers 404.",
    responses=error_responses(FormNotFound),
)
async def read_public_form(form_id: str) -> Form:
    return await service.public_form(form_id)


@router.post(
    "/public/{form_id}/submissions",
    status_code=201,
    response_model=SubmissionAccepted,
    summary="Submit a form (no session)",
    description="The answers by field key, as `application/json` (each a string, a number, a "
    "boolean or a list of them) or `application/x-www-form-urlencoded`. Attribution "
    "(`utm_source`, `utm_medium`, `utm_campaign`, `utm_term`, `utm_content`, `referrer`, "
    "`landing_page`, `short_link`) from the body, else the query string. The same client "
    "submission id (`Idempotency-Key`, or the `client_submission_id` field) answers the first "
    "submission again and makes nothing. A bad answer is a 422 naming each field by its key, "
    "and nothing is stored.",
    responses=error_responses(FormNotFound, InvalidAnswers, InvalidBody, UnsupportedMediaType),
)
async def submit_form(form_id: str, request: Request, settings: Settings) -> SubmissionAccepted:
    sent = await read_public_submission(request)
    submitted = await service.submit(
        form_id, sent.answers, sent.attribution, sent.client_submission_id, settings
    )
    after = submitted.form.after_submit
    return SubmissionAccepted(
        id=str(submitted.submission.id), message=after.message, redirect_url=after.redirect_url
    )


@router.post(
    "",
    status_code=201,
    response_model=FormRead,
    summary="Build a form",
    description="Field keys are unique; selects have options; each field maps to a contact "
    "field or a custom field of the account at most once, and some field to `emails` or "
    "`phones`; the recipients are users of the account and the deal's stage one of its "
    "pipelines'. 422 names each field at fault. The captcha's secret is never answered.",
    responses=error_responses(*SIGNED_IN, *DEFINITION_ERRORS),
)
async def create_form(body: FormCreate, principal: FormsWrite, box: CaptchaSealer) -> Form:
    return await service.create_form(principal, body, box)


@router.get(
    "",
    response_model=Page[FormRead],
    summary="The account's forms",
    responses=error_responses(*SIGNED_IN),
)
async def list_forms(
    principal: FormsRead,
    paging: FormPaging,
    archived: Annotated[bool, Query(description="the archived forms instead")] = False,
) -> Page[Form]:
    return await service.list_forms(principal, paging, archived)


@router.get(
    "/{form_id}",
    response_model=FormRead,
    summary="One form",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_form(form_id: str, principal: FormsRead) -> Form:
    return await service.get_form(principal, form_id)


@router.patch(
    "/{form_id}",
    response_model=FormRead,
    summary="Change a form",
    description="Only the fields sent change; new `steps` make the next version, and past "
    "submissions keep reading as they were made. 409 when the form is archived, or when its "
    "steps were changed meanwhile.",
    responses=error_responses(*SIGNED_IN, *DEFINITION_ERRORS, FormArchived, FormChanged),
)
async def update_form(
    form_id: str, body: FormUpdate, principal: FormsWrite, box: CaptchaSealer
) -> Form:
    return await service.update_form(principal, form_id, body, box)


@router.delete(
    "/{form_id}",
    status_code=204,
    summary="Archive a form",
    description="It is kept with its submissions; its public pages answer 404 from now on.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def archive_form(form_id: str, principal: FormsWrite) -> Response:
    await service.archive_form(principal, form_id)
    return Response(status_code=204)


@router.get(
    "/{form_id}/versions",
    response_model=Page[FormVersionRead],
    summary="The form's versions, newest first",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def list_versions(
    form_id: str, principal: FormsRead, paging: VersionPaging
) -> Page[FormVersion]:
    return await service.list_versions(principal, form_id, paging)


@router.get(
    "/{form_id}/submissions",
    response_model=Page[SubmissionRead],
    summary="The form's submissions, newest first",
    description="Each answer with its field's label and kind on the version it was made on.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def list_submissions(
    form_id: str, principal: FormsRead, paging: Paging
) -> Page[FormSubmission]:
    return await service.list_submissions(principal, form_id, paging)


@router.get(
    "/{form_id}/submissions/{submission_id}",
    response_model=SubmissionWithVersion,
    summary="One submission, with the steps of the version it was made on",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_submission(
    form_id: str, submission_id: str, principal: FormsRead
) -> Extended[FormSubmission]:
    return await service.get_submission(principal, form_id, submission_id)
