"""A form submitted: the answers checked, the submission stored, then what it makes.

    submitted = await submit(form_id, {"email": "ada@example.com", "name": "Ada King"},
                             attribution=Attribution(utm_source="google"),
                             client_submission_id="9b2f...", settings=settings)

Nothing is written before every answer has been checked, by its field's kind and rules and as
the contact fields it maps to: a bad answer raises `InvalidAnswers` naming each field, and
nothing is stored.

Then, with no transaction to lean on (mongomock has none), writes are ordered so that a
failure at any point leaves no contact that its submission does not record:

1. The submission is stored first, `processing`. It is the idempotency record: one per form
   and client submission id (a unique index), so of two requests racing with one id, one stores
   it and the other answers it. Sending an id again answers its submission and makes nothing.
2. The contact is made or completed through the one contact write path (`contact_for`: found
   by email, then phone; completed only with what it lacks, so a stranger's answers never
   overwrite what the account knows; the form's tags added), and its id saved on the
   submission at once.
3. The lead is recorded (once per submission: its id is the lead's touch id), then the deal
   opened (when the form opens one) and saved on the submission at once.
4. The submission is `processed`, with its lead; `effects` sends the event, fires the
   automations and tells the recipients, through the caller's outbox.

A failure after step 1 leaves the submission `failed` with whatever it made recorded on it,
and the caller sees the error. Sending the same client submission id again resumes it: each
step already recorded is not made twice (the contact is found again by its email or phone),
and one the process never finished (still `processing` after `STALE_AFTER`) is resumed the
same way. Nothing leaves the outbox of a failed attempt, so the event, automations and
notification are sent once, by the attempt that finishes.
"""

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from pymongo.errors import DuplicateKeyError

from shared.domain.contacts.callers import contact_for
from shared.domain.contacts.normalising import context_for, normalised
from shared.domain.contacts.writing import Author, platform_author
from shared.domain.deals.writing import open_deal
from shared.domain.forms.answers import RawAnswer, read_answers
from shared.domain.forms.effects import announce_submission
from shared.domain.forms.errors import InvalidAnswers
from shared.domain.forms.mapping import ContactDraft, contact_draft
from shared.domain.forms.repository import SubmissionRepository, has_stage, live_form
from shared.domain.leads import record_lead
from shared.models.base import utc_now
from shared.models.contact import Contact
from shared.models.deal import Deal
from shared.models.form import Form
from shared.models.form_submission import Answer, FormSubmission, SubmissionStatus
from shared.models.lead import Attribution, LeadSource
from shared.utilities.errors import InvalidInput
from shared.utilities.settings import ServiceSettings

logger = logging.getLogger(__name__)

# A submission still `processing` this long after its last step was left by a process that
# died: sending it again resumes it.
STALE_AFTER = timedelta(minutes=1)
CLIENT_ID_LENGTH = 100


@dataclass(frozen=True)
class Submitted:
    form: Form
    submission: FormSubmission
    replayed: bool  # the client submission id had been sent before: nothing was made now


async def submit(
    form_id: str,
    raw: Mapping[str, RawAnswer],
    *,
    attribution: Attribution,
    client_submission_id: str | None,
    settings: ServiceSettings,
) -> Submitted:
    """The submission of `raw` answers to the live form (`FormNotFound` otherwise), made once
    per `client_submission_id` (a new one when None: no idempotency)."""
    form = await live_form(form_id)
    client_id = checked_client_id(client_submission_id)
    submissions = SubmissionRepository(form.account_id)
    earlier = await submissions.by_client_id(form.id, client_id)
    if earlier and earlier.status is SubmissionStatus.PROCESSED:
        return Submitted(form, earlier, replayed=True)
    author = await platform_author(form.account_id, settings)
    answers, draft = await read_submission(form, raw, author)
    fields = {"form_version": form.version, "answers": answers, "attribution": attribution}
    submission, ours = await stored(submissions, form, client_id, fields, earlier)
    if not ours:
        return Submitted(form, submission, replayed=True)
    try:
        contact = await process(form, submission, draft, author)
    except Exception:
        await mark_failed(submission)
        raise
    await announce_submission(form, submission, contact)
    return Submitted(form, submission, replayed=False)


def checked_client_id(client_submission_id: str | None) -> str:
    if client_submission_id is None:
        return uuid.uuid4().hex
    client_id = client_submission_id.strip()
    if not client_id or len(client_id) > CLIENT_ID_LENGTH or not client_id.isprintable():
        raise InvalidInput(
            "The client submission id is not usable.",
            details=[
                {
                    "field": "client_submission_id",
                    "message": f"1 to {CLIENT_ID_LENGTH} printable characters",
                }
            ],
        )
    return client_id


async def read_submission(
    form: Form, raw: Mapping[str, RawAnswer], author: Author
) -> tuple[list[Answer], ContactDraft]:
    """The answers as stored and the contact fields they make, every one checked; reads only."""
    answers = read_answers(form.fields, raw, author.phone_region)
    draft = contact_draft(form.fields, answers)
    if not (draft.email or draft.phone):
        reaching = [field.key for field in form.fields if field.maps_to in ("emails", "phones")]
        raise InvalidAnswers(
            "An email address or a phone number is needed.",
            details=[
                {"field": key, "message": "an email or a phone is needed"} for key in reaching
            ],
        )
    await check_contact_fields(draft, author)
    return answers, draft


async def check_contact_fields(draft: ContactDraft, author: Author) -> None:
    """The contact fields as the contact write path will read them: a problem names the field
    it came from. A custom field deleted or changed since the form was built is left off the
    contact (the answer stays on the submission): the visitor could not answer otherwise."""
    fields = draft.as_contact_fields()
    context = await context_for(author.account_id, author.phone_region, [fields])
    try:
        normalised(fields, context)
    except InvalidInput as error:
        drifted = [d["field"] for d in error.details if d["field"].startswith("custom.")]
        for path in drifted:
            logger.warning("a form maps to %s, which takes no such value any more", path)
            draft.without_custom(path.split(".")[1])
        problems = [d for d in error.details if d["field"] not in drifted]
        if problems:
            details = [{**d, "field": draft.source_of(d["field"])} for d in problems]
            raise InvalidAnswers(error.message, details=details) from None


async def stored(
    submissions: SubmissionRepository,
    form: Form,
    client_id: str,
    fields: dict,
    earlier: FormSubmission | None,
) -> tuple[FormSubmission, bool]:
    """The submission with this client id, and whether this caller is to process it: a new
    one, or `earlier` taken over when it stopped half-way. Not when another request stored it
    meanwhile, or is processing it still."""
    if earlier is not None:
        taken = await submissions.take_over(earlier, utc_now() - STALE_AFTER, fields)
        return (taken, True) if taken else (earlier, False)
    try:
        new = await submissions.create(form_id=form.id, client_submission_id=client_id, **fields)
    except DuplicateKeyError:
        winner = await submissions.by_client_id(form.id, client_id)
        assert winner is not None, "a submission is never deleted on its own"
        return winner, False
    return new, True


async def process(
    form: Form, submission: FormSubmission, draft: ContactDraft, author: Author
) -> Contact:
    contact, created = await contact_for(
        author,
        "form",
        email=draft.email,
        phone=draft.phone,
        first_name=draft.first_name,
        last_name=draft.last_name,
        tags=form.tags,
        more=draft.more,
        announce=False,  # the form tells its own recipients (`effects`)
    )
    submissions = SubmissionRepository(form.account_id)
    if submission.contact_id is None:
        await submissions.record(submission, contact_id=contact.id, new_contact=created)
    lead = await record_lead(
        contact,
        LeadSource.FORM,
        new_contact=bool(submission.new_contact),
        source_ref=str(form.id),
        attribution=submission.attribution,
        touch_id=str(submission.id),  # recorded once, however often it is resumed
    )
    if form.deal and submission.deal_id is None and await stage_exists(form):
        await submissions.record(submission, deal_id=(await opened_deal(form, contact)).id)
    await submissions.record(submission, lead_id=lead.id, status=SubmissionStatus.PROCESSED)
    return contact


async def stage_exists(form: Form) -> bool:
    """Whether the stage the form opens deals on is still there: deleted since the form was
    built, the submission opens none (the visitor could not do otherwise)."""
    assert form.deal is not None
    if await has_stage(form.account_id, form.deal.pipeline_id, form.deal.stage_id):
        return True
    logger.warning("form %s opens deals on stage %s, which is gone", form.id, form.deal.stage_id)
    return False


async def opened_deal(form: Form, contact: Contact) -> Deal:
    assert form.deal is not None and contact.id is not None
    title = form.deal.title or f"{form.name}: {contact.display_name}"
    deal = Deal(
        account_id=form.account_id,
        title=title,
        pipeline_id=form.deal.pipeline_id,
        stage_id=form.deal.stage_id,
        position=0,
        contact_ids=[contact.id],
        owner_id=contact.owner_id,
        value=form.deal.value,
        currency=form.deal.currency,
    )
    await open_deal(deal, actor_id=None)
    return deal


async def mark_failed(submission: FormSubmission) -> None:
    """Recorded as stopped half-way, so sending it again resumes it; a failure to record it
    (the database gone) leaves it `processing`, resumed once stale."""
    try:
        await submission.set({FormSubmission.status: SubmissionStatus.FAILED})
    except Exception:
        logger.exception("could not record submission %s as failed", submission.id)
