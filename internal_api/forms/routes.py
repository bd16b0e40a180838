"""/v1/forms: the account's lead-capture forms, their versions and submissions (signed in);
/v1/forms/public/{form_id}: a form's definition for a page to render, and its submissions
posted by any website, without a session."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from internal_api.dependencies import Settings
from internal_api.extended import Extended
from internal_api.forms import service
from internal_api.forms.auth import FormsRead, FormsWrite
from internal_api.forms.errors import FormArchived, FormChanged, InvalidDefinition
from internal_api.forms.guard import SubmissionGuards
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
from internal_api.public.cors import PublicCors
from internal_api.public.embed import (
    frame_response,
    render_embed_script,
    render_frame_page,
    script_response,
)
from internal_api.public.errors import (
    CaptchaFailed,
    CaptchaUnavailable,
    OriginNotAllowed,
    SpamSuspected,
)
from internal_api.public.limits import rate_limited
from shared.domain.accounts.users import NotAccountUsers
from shared.domain.forms.errors import FormNotFound, InvalidAnswers
from shared.domain.forms.schemas import SubmissionRead
from shared.models.form import Form, FormVersion
from shared.models.form_submission import FormSubmission
from shared.utilities.errors import (
    SIGNED_IN,
    InvalidBody,
    InvalidInput,
    NotFound,
    RateLimited,
    error_responses,
)
from shared.utilities.pagination import Page, PageParams, Paging, sorted_by

router = APIRouter(prefix="/v1/forms", tags=["forms"])

FormPaging = Annotated[PageParams, Depends(sorted_by(FormRepository.sortable))]
VersionPaging = Annotated[PageParams, Depends(sorted_by(VersionRepository.sortable, "-number"))]
DEFINITION_ERRORS = (InvalidInput, InvalidDefinition, NotAccountUsers, NotFound)


FormId = Annotated[str, Path(max_length=64)]
PUBLIC_ERRORS = (FormNotFound, OriginNotAllowed, RateLimited)


@router.get(
    "/public/{form_id}",
    response_model=PublicFormRead,
    summary="A form's definition, for a page to render it (no session)",
    description="Its steps and fields, the captcha's site key and the honeypot field's name; "
    "never its secret, recipients, tags or deal. An archived form answers 404; a page of an "
    "origin the form does not allow, 403.",
    dependencies=[Depends(rate_limited("form-definition"))],
    responses=error_responses(*PUBLIC_ERRORS),
)
async def read_public_form(form_id: FormId, cors: PublicCors) -> Form:
    form = await service.public_form(form_id)
    cors.admit(form.allowed_origins)
    return form


@router.get(
    "/public/{form_id}/embed.js",
    summary="The script that draws the form on any page (no session)",
    description='`<script src=".../v1/forms/public/{form_id}/embed.js" async></script>` '
    "draws the form where the tag is and posts its answers here; cached by its ETag.",
    dependencies=[Depends(rate_limited("form-embed"))],
    responses=error_responses(FormNotFound, RateLimited),
)
async def embed_script(form_id: FormId, request: Request, settings: Settings) -> Response:
    definition = service.public_definition(await service.public_form(form_id))
    max_age = settings.public_script_max_age_seconds
    return script_response(request, render_embed_script(definition), max_age)


@router.get(
    "/public/{form_id}/frame",
    summary="A page holding only the form, for an iframe (no session)",
    description='`<iframe src=".../v1/forms/public/{form_id}/frame"></iframe>`; only the '
    "form's allowed origins may frame it.",
    dependencies=[Depends(rate_limited("form-embed"))],
    responses=error_responses(FormNotFound, RateLimited),
)
async def embed_frame(form_id: FormId, request: Request, settings: Settings) -> Response:
    form = await service.public_form(form_id)
    page = render_frame_page(service.public_definition(form))
    max_age = settings.public_script_max_age_seconds
    return frame_response(request, page, max_age, form.allowed_origins)


@router.options(
    "/public/{form_id}/submissions",
    status_code=204,
    summary="CORS preflight of a submission",
    responses=error_responses(FormNotFound, OriginNotAllowed),
)
async def submission_preflight(form_id: FormId, cors: PublicCors) -> Response:
    form = await service.public_form(form_id)
    return cors.preflight(form.allowed_origins, ["POST"])


@router.post(
    "/public/{form_id}/submissions",
    status_code=201,
    response_model=SubmissionAccepted,
    summary="Submit a form (no session)",
    description="As the embed script posts it (JSON: `fields` by key, `submission_id`, "
    "`render_stamp`, `captcha_token`, `page`) or as a plain HTML form does "
    "(`application/x-www-form-urlencoded`, the answers by key). Attribution (`utm_*`, "
    "`referrer`, `landing_page`, `short_link`) from the body, the query string or the page. "
    "Checked first, nothing stored otherwise: the page's origin (403), the platform's and the "
    "form's rate limits (429), the honeypot and minimum fill time (400 `spam_suspected`), the "
    "captcha (400 `captcha_failed`). The same client submission id (`Idempotency-Key`, or "
    "`submission_id`) answers the first submission again and makes nothing. A bad answer is "
    "a 422 naming each field, and nothing is stored.",
    dependencies=[Depends(rate_limited("form-submission", key_from="form_id"))],
    responses=error_responses(
        *PUBLIC_ERRORS,
        InvalidAnswers,
        InvalidBody,
        UnsupportedMediaType,
        SpamSuspected,
        CaptchaFailed,
        CaptchaUnavailable,
    ),
)
async def submit_form(
    form_id: FormId,
    request: Request,
    settings: Settings,
    guard: SubmissionGuards,
) -> SubmissionAccepted:
    form = await service.public_form(form_id)
    sent = await read_public_submission(request)
    await guard.check(form, sent)
    try:
        submitted = await service.submit(
            form_id, sent.answers, sent.attribution, sent.client_submission_id, settings
        )
    except InvalidAnswers as error:
        error.location = ".".join(filter(None, ("body", sent.answers_at)))
        raise
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
