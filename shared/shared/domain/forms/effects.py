"""What a processed submission sets off, sent with the caller's outbox (so nothing leaves for
a submission that failed): `form.submitted` for the account's webhooks, the automations
watching the form, the submission counted on the funnel step it was sent from
(`shared.domain.funnels.conversions`), and the new-lead notification to the form's recipients
(every member of the account when it names none, or when none of those it names is still a
user of it)."""

from shared.domain.accounts.users import users_among
from shared.domain.automations.firing import fire
from shared.domain.contacts.leads import announce_new_lead
from shared.domain.forms.schemas import SubmissionRead
from shared.domain.funnels.conversions import count_submission
from shared.models.contact import Contact
from shared.models.form import Form
from shared.models.form_submission import FormSubmission
from shared.models.webhook_subscription import WebhookEventType
from shared.utilities.events import publish_event

TRIGGER = "form.submitted"


async def announce_submission(form: Form, submission: FormSubmission, contact: Contact) -> None:
    assert contact.id is not None and form.id is not None, "a stored contact and form"
    data = {
        "form": {"id": str(form.id), "name": form.name},
        "submission": SubmissionRead.model_validate(submission).model_dump(mode="json"),
    }
    publish_event(form.account_id, WebhookEventType.FORM_SUBMITTED, data)
    await count_submission(form, submission)
    await fire(form.account_id, TRIGGER, {"form_id": form.id}, "contact", contact.id)
    recipients = await users_among(form.account_id, form.notify_user_ids)
    await announce_new_lead(
        contact, source=form.name, user_ids=sorted(recipients), key=str(submission.id)
    )
