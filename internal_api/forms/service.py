"""Forms: built, changed (each change to the steps a new version), archived, and their
submissions read, each as it was made; and the public side, a form's definition for a page to
render and a submission taken (processed by `shared.domain.forms.submitting`).

Versions: the form holds its current definition at `version`; every version's steps are kept
as a `FormVersion`. A change to the steps stores the form at the next number only if it is
still at the number it was read at (two editors racing: one wins, the other gets
`FormChanged`), after making sure the version it replaces is kept, and then keeps the new one:
whatever step a failure stops at, no version that a submission names goes missing for good
(a version the form holds but has no snapshot of yet is kept by the next change).
"""

from typing import Any

from internal_api.extended import Extended
from internal_api.forms.definitions import check_form
from internal_api.forms.errors import FormArchived, FormChanged
from internal_api.forms.repository import FormRepository, VersionRepository
from internal_api.forms.schemas import FormCreate, FormUpdate
from internal_api.public.embed import (
    FieldOption,
    PublicCaptcha,
    PublicField,
    PublicFormDefinition,
    PublicStep,
)
from internal_api.settings import InternalApiSettings
from shared.domain.forms import submitting
from shared.domain.forms.repository import SubmissionRepository, live_form
from shared.models.base import utc_now
from shared.models.form import Captcha, Form, FormStep, FormVersion
from shared.models.form_submission import FormSubmission
from shared.models.lead import Attribution
from shared.utilities.auth import Principal
from shared.utilities.encryption import SecretBox
from shared.utilities.errors import NotFound
from shared.utilities.pagination import Page, PageParams
from shared.utilities.schemas import WriteModel


async def create_form(principal: Principal, body: FormCreate, box: SecretBox) -> Form:
    form = Form(account_id=principal.account_id, **stored_values(body, body.model_fields, box))
    await check_form(form.account_id, form)
    await form.insert()
    await VersionRepository(form.account_id).keep(form.id, form.version, form.steps)
    return form


async def list_forms(principal: Principal, params: PageParams, archived: bool) -> Page[Form]:
    return await FormRepository(principal.account_id).listed(params, archived)


async def get_form(principal: Principal, form_id: str) -> Form:
    return await FormRepository(principal.account_id).get(form_id)


async def update_form(principal: Principal, form_id: str, body: FormUpdate, box: SecretBox) -> Form:
    """Only the fields sent change; new steps make the next version."""
    form = await get_form(principal, form_id)
    if form.archived_at:
        raise FormArchived()
    was_version, was_steps = form.version, form.steps
    changed = Form.model_validate(
        {**form.model_dump(), **stored_values(body, body.model_fields_set, box)}
    )
    for name in body.model_fields_set:
        setattr(form, name, getattr(changed, name))
    await check_form(form.account_id, form)
    if definition_of(form.steps) == definition_of(was_steps):
        await form.save()
        return form
    versions = VersionRepository(form.account_id)
    await versions.keep(form.id, was_version, was_steps)
    form.version = was_version + 1
    if not await FormRepository(form.account_id).replace_definition(form, was_version):
        raise FormChanged()
    await versions.keep(form.id, form.version, form.steps)
    return form


async def archive_form(principal: Principal, form_id: str) -> None:
    """Kept with its submissions; its public pages answer 404 from now on."""
    form = await get_form(principal, form_id)
    if form.archived_at is None:
        form.archived_at = utc_now()
        await form.save()


async def list_versions(
    principal: Principal, form_id: str, params: PageParams
) -> Page[FormVersion]:
    form = await get_form(principal, form_id)
    return await VersionRepository(principal.account_id).of_form(form.id, params)


async def list_submissions(
    principal: Principal, form_id: str, params: PageParams
) -> Page[FormSubmission]:
    form = await get_form(principal, form_id)
    return await SubmissionRepository(principal.account_id).paginate(params, {"form_id": form.id})


async def get_submission(
    principal: Principal, form_id: str, submission_id: str
) -> Extended[FormSubmission]:
    """The submission, with the steps of the version it was made on."""
    form = await get_form(principal, form_id)
    submission = await SubmissionRepository(principal.account_id).of_form(form.id, submission_id)
    if submission is None:
        raise NotFound(f"Submission {submission_id} does not exist.")
    version = await VersionRepository(form.account_id).numbered(form.id, submission.form_version)
    # Only the current version can lack its snapshot (see above): the form holds it.
    steps = version.steps if version else form.steps
    return Extended(submission, steps=steps)


async def public_form(form_id: str) -> Form:
    return await live_form(form_id)


def public_definition(form: Form) -> PublicFormDefinition:
    """What the embed script draws the form from: nothing private."""
    steps = [
        PublicStep(
            title=step.title,
            fields=[
                PublicField(
                    key=field.key,
                    kind=field.kind.value,
                    label=field.label,
                    required=field.required,
                    options=[FieldOption(value=option, label=option) for option in field.options],
                    placeholder=field.placeholder or "",
                    value=field.default or "",
                )
                for field in step.fields
            ],
        )
        for step in form.steps
    ]
    captcha = form.captcha
    after = form.after_submit
    return PublicFormDefinition(
        id=str(form.id),
        name=form.name,
        steps=steps,
        honeypot_field=form.honeypot_field,
        captcha=PublicCaptcha(provider=captcha.provider.value, site_key=captcha.site_key)
        if captcha
        else None,
        thank_you_message=after.message or "Thank you!",
        redirect_url=after.redirect_url,
    )


async def submit(
    form_id: str,
    answers: dict[str, Any],
    attribution: Attribution,
    client_submission_id: str | None,
    settings: InternalApiSettings,
) -> submitting.Submitted:
    return await submitting.submit(
        form_id,
        answers,
        attribution=attribution,
        client_submission_id=client_submission_id,
        settings=settings,
    )


def stored_values(body: WriteModel, names: Any, box: SecretBox) -> dict[str, Any]:
    """The fields named, as the form stores them: the captcha's secret sealed."""
    values = body.model_dump(mode="json", include=set(names))
    if captcha := values.get("captcha"):
        secret = box.seal(captcha.pop("secret"))
        values["captcha"] = Captcha(**captcha, sealed_secret=secret).model_dump()
    return values


def definition_of(steps: list[FormStep]) -> list[dict[str, Any]]:
    """The versioned part of a form, comparable."""
    return [step.model_dump(mode="json") for step in steps]
