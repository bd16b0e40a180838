"""A submission: the answers checked before anything is written, the submission stored, the
contact made or completed through the one write path, the lead, tags and deal, and what it
sets off (the event, the automations, the new-lead notice); once per client submission id."""

import asyncio

import pytest

from shared.domain.forms import submitting
from shared.domain.forms.errors import FormNotFound, InvalidAnswers
from shared.domain.forms.submitting import submit
from shared.models.automation import AddTag, Automation, FormSubmitted
from shared.models.automation_log import AutomationLog
from shared.models.base import utc_now
from shared.models.contact import Contact
from shared.models.crm_tag import CrmTag
from shared.models.custom_field import CustomField
from shared.models.deal import Deal
from shared.models.form import DealToOpen, FieldKind
from shared.models.form_submission import FormSubmission, SubmissionStatus
from shared.models.lead import Attribution, Lead, LeadSource
from shared.models.pipeline import Pipeline
from shared.utilities.settings import ServiceSettings
from tests.factories import create_account, create_contact, create_pipeline, create_signed_in
from tests.shared.domain.forms.factories import contact_fields, create_form, field
from tests.shared.domain.held import events, holding, platform_messages

ADA = {"name": "Ada King", "email": "Ada@Example.com", "phone": "(415) 555-0107"}


@pytest.fixture
async def account(mongo):
    return await create_account()


async def submitted(form, answers=None, client_id=None, **attribution):
    return await submit(
        str(form.id),
        ADA if answers is None else answers,
        attribution=Attribution(**attribution),
        client_submission_id=client_id,
        settings=ServiceSettings(),
    )


async def stored_counts() -> tuple[int, int, int]:
    return (await Contact.count(), await FormSubmission.count(), await Lead.count())


async def test_a_new_person_is_made_from_the_answers_mapped_to_the_contact(account, outbox):
    await CustomField(account_id=account.id, key="plan", label="Plan", type="text").insert()
    extra = [field("city", maps_to="address.city"), field("plan", maps_to="custom.plan")]
    form = await create_form(account, *contact_fields(), *extra)

    done = await submitted(form, {**ADA, "city": "Paris", "plan": "pro"})

    contact = await Contact.get(done.submission.contact_id)
    assert (contact.first_name, contact.last_name, contact.emails, contact.phones) == (
        "Ada",
        "King",
        ["ada@example.com"],
        ["+14155550107"],
    )
    assert (contact.source, contact.address.city, contact.custom) == (
        "form",
        "Paris",
        {"plan": "pro"},
    )
    assert (done.submission.new_contact, done.submission.status) == (
        True,
        SubmissionStatus.PROCESSED,
    )


async def test_a_contact_known_by_the_email_is_completed_never_overwritten(account, outbox):
    known = await create_contact(account, first_name="Grace", emails=["ada@example.com"])
    form = await create_form(account)

    done = await submitted(form)

    contact = await Contact.get(known.id)
    assert done.submission.contact_id == known.id
    assert (contact.first_name, contact.last_name, contact.phones) == (
        "Grace",
        "King",
        ["+14155550107"],
    )
    assert (done.submission.new_contact, await Contact.count()) == (False, 1)


async def test_a_contact_known_by_the_phone_is_found_when_the_email_is_new(account, outbox):
    known = await create_contact(account, emails=[], phones=["+14155550107"])

    done = await submitted(await create_form(account))

    assert done.submission.contact_id == known.id
    assert (await Contact.get(known.id)).emails == ["ada@example.com"]


async def test_the_email_finds_the_contact_before_the_phone_does(account, outbox):
    await create_contact(account, emails=[], phones=["+14155550107"])
    by_email = await create_contact(account, emails=["ada@example.com"])

    done = await submitted(await create_form(account))

    assert done.submission.contact_id == by_email.id


async def test_the_lead_is_recorded_with_where_the_visitor_came_from(account, outbox):
    form = await create_form(account)

    done = await submitted(form, utm_source="google", utm_campaign="spring", short_link="ab12")

    [lead] = await Lead.find_all().to_list()
    assert (lead.id, lead.contact_id, lead.source, lead.source_ref, lead.new_contact) == (
        done.submission.lead_id,
        done.submission.contact_id,
        LeadSource.FORM,
        str(form.id),
        True,
    )
    assert lead.attribution == Attribution(
        utm_source="google", utm_campaign="spring", short_link="ab12"
    )


async def test_the_forms_tags_are_added_to_the_contact(account, outbox):
    form = await create_form(account, tags=["website", "spring"])

    done = await submitted(form)

    assert (await Contact.get(done.submission.contact_id)).tags == ["website", "spring"]
    assert {tag.name for tag in await CrmTag.find_all().to_list()} == {"website", "spring"}


async def test_a_deal_is_opened_for_the_contact_on_the_forms_stage(account, outbox):
    pipeline = await create_pipeline(account)
    stage = pipeline.stages[1]
    form = await create_form(
        account, deal=DealToOpen(pipeline_id=pipeline.id, stage_id=stage.id, value=5000)
    )

    done = await submitted(form)

    deal = await Deal.get(done.submission.deal_id)
    assert (deal.stage_id, deal.contact_ids, deal.title, deal.value, deal.position) == (
        stage.id,
        [done.submission.contact_id],
        "Contact us: Ada King",
        5000,
        0,
    )
    assert "deal.created" in [event["type"] for event in events(outbox)]


async def test_no_deal_is_opened_once_the_forms_stage_is_gone(account, outbox):
    pipeline = await create_pipeline(account)
    deal = DealToOpen(pipeline_id=pipeline.id, stage_id=pipeline.stages[0].id)
    form = await create_form(account, deal=deal)
    await Pipeline.find_one({"_id": pipeline.id}).update({"$set": {"stages": []}})

    done = await submitted(form)

    assert (done.submission.deal_id, await Deal.count()) == (None, 0)
    assert done.submission.status is SubmissionStatus.PROCESSED


async def test_form_submitted_is_published_with_the_answers(account, outbox):
    form = await create_form(account)

    done = await submitted(form)

    [event] = [event for event in events(outbox) if event["type"] == "form.submitted"]
    assert event["data"]["form"] == {"id": str(form.id), "name": "Contact us"}
    submission = event["data"]["submission"]
    assert (submission["id"], submission["contact_id"]) == (
        str(done.submission.id),
        str(done.submission.contact_id),
    )
    assert [(answer["key"], answer["value"]) for answer in submission["answers"]] == [
        ("name", "Ada King"),
        ("email", "ada@example.com"),
        ("phone", "+14155550107"),
    ]


async def test_the_automations_watching_the_form_run_on_its_contact(account, outbox):
    form, other = await create_form(account), await create_form(account)
    for watched in (form, other):
        trigger = FormSubmitted(form_id=watched.id)
        await Automation(
            account_id=account.id, name="Hot", trigger=trigger, actions=[AddTag(tag="hot")]
        ).insert()

    done = await submitted(form)

    [run] = await AutomationLog.find_all().to_list()
    assert (run.trigger, run.subject, run.entity_type, run.entity_id) == (
        "form.submitted",
        {"form_id": str(form.id)},
        "contact",
        done.submission.contact_id,
    )


async def test_the_forms_recipients_are_told_of_the_lead(account, outbox):
    told = await create_signed_in(account)
    await create_signed_in(account)  # a member the form does not name
    form = await create_form(account, notify_user_ids=[told.user.id])

    await submitted(form)

    assert platform_messages(outbox) == [
        ("new_lead", "email", str(told.user.id)),
        ("new_lead", "push", str(told.user.id)),
    ]


async def test_every_member_is_told_when_the_form_names_no_recipient(account, outbox):
    members = [await create_signed_in(account), await create_signed_in(account)]

    await submitted(await create_form(account))

    told = {user_id for event, _, user_id in platform_messages(outbox) if event == "new_lead"}
    assert told == {str(member.user.id) for member in members}


async def test_the_same_client_id_answers_the_first_submission_and_makes_nothing(account, outbox):
    form = await create_form(account)
    first = await submitted(form, client_id="visit-1")
    jobs_sent = len(outbox.jobs)

    again = await submitted(form, {**ADA, "name": "Someone Else"}, client_id="visit-1")

    assert (again.replayed, again.submission.id) == (True, first.submission.id)
    assert await stored_counts() == (1, 1, 1)
    assert len(outbox.jobs) == jobs_sent


async def test_two_racing_submissions_with_one_client_id_make_one(account, outbox):
    form = await create_form(account)

    results = await asyncio.gather(*(submitted(form, client_id="visit-1") for _ in range(2)))

    assert {result.submission.id for result in results} == {results[0].submission.id}
    assert sorted(result.replayed for result in results) == [False, True]
    assert await stored_counts() == (1, 1, 1)


async def test_a_bad_answer_is_named_and_nothing_is_stored(account, outbox):
    form = await create_form(account)

    with pytest.raises(InvalidAnswers) as refused:
        await submitted(form, {**ADA, "email": "ada@", "phone": "12"})

    assert refused.value.details == [
        {"field": "email", "message": "not a valid email address"},
        {"field": "phone", "message": "not a valid phone number"},
    ]
    assert await stored_counts() == (0, 0, 0)
    assert outbox.jobs == []


async def test_an_answer_the_contact_cannot_take_is_named_by_its_field(account, outbox):
    form = await create_form(account, *contact_fields(), field("site", maps_to="website"))

    with pytest.raises(InvalidAnswers) as refused:
        await submitted(form, {**ADA, "site": "not a site"})

    assert [detail["field"] for detail in refused.value.details] == ["site"]
    assert await stored_counts() == (0, 0, 0)


async def test_answers_without_an_email_or_a_phone_are_refused(account, outbox):
    form = await create_form(account)

    with pytest.raises(InvalidAnswers) as refused:
        await submitted(form, {"name": "Ada King"})

    assert [detail["field"] for detail in refused.value.details] == ["email", "phone"]
    assert await stored_counts() == (0, 0, 0)


async def test_a_custom_field_deleted_since_the_form_was_built_is_left_off_the_contact(
    account, outbox
):
    form = await create_form(account, *contact_fields(), field("plan", maps_to="custom.plan"))

    done = await submitted(form, {**ADA, "plan": "pro"})

    assert (await Contact.get(done.submission.contact_id)).custom == {}
    assert done.submission.answer("plan") == "pro"


async def test_a_failure_half_way_leaves_the_contact_recorded_on_a_failed_submission(
    account, outbox, monkeypatch
):
    form = await create_form(account)
    monkeypatch.setattr(submitting, "record_lead", broken)

    with pytest.raises(ConnectionError):
        await submitted(form, client_id="visit-1")

    [submission] = await FormSubmission.find_all().to_list()
    assert submission.status is SubmissionStatus.FAILED
    assert submission.contact_id == (await Contact.find_one()).id
    assert "form.submitted" not in [event["type"] for event in events(outbox)]


async def test_sending_a_failed_submission_again_resumes_it_without_a_second_contact(
    account, outbox, monkeypatch
):
    form = await create_form(account)
    with monkeypatch.context() as patched:
        patched.setattr(submitting, "record_lead", broken)
        with pytest.raises(ConnectionError):
            await submitted(form, client_id="visit-1")

    async with holding() as retry:
        done = await submitted(form, client_id="visit-1")
        published = [event["type"] for event in events(retry)]

    assert (done.replayed, done.submission.status, done.submission.new_contact) == (
        False,
        SubmissionStatus.PROCESSED,
        True,
    )
    assert await stored_counts() == (1, 1, 1)
    assert "form.submitted" in published


async def test_a_submission_still_processing_is_answered_not_processed_twice(account, outbox):
    form = await create_form(account)
    first = await submitted(form, client_id="visit-1")
    await first.submission.set({FormSubmission.status: SubmissionStatus.PROCESSING})

    again = await submitted(form, client_id="visit-1")

    assert (again.replayed, await Lead.count()) == (True, 1)


async def test_a_submission_its_process_left_processing_is_resumed_once_stale(account, outbox):
    form = await create_form(account)
    first = await submitted(form, client_id="visit-1")
    stale = utc_now() - submitting.STALE_AFTER * 2
    changes = {"status": SubmissionStatus.PROCESSING, "lead_id": None, "updated_at": stale}
    # As a process that died after making the contact leaves it.
    await FormSubmission.find_one({"_id": first.submission.id}).update({"$set": changes})
    await Lead.delete_all()

    again = await submitted(form, client_id="visit-1")

    assert (again.replayed, again.submission.status) == (False, SubmissionStatus.PROCESSED)
    assert await stored_counts() == (1, 1, 1)


async def test_an_archived_form_takes_no_submission(account, outbox):
    form = await create_form(account, archived_at=utc_now())

    with pytest.raises(FormNotFound):
        await submitted(form)

    assert await stored_counts() == (0, 0, 0)


async def test_a_consent_is_stored_with_the_text_agreed_to(account, outbox):
    form = await create_form(
        account, *contact_fields(), field("terms", FieldKind.CONSENT, required=True)
    )

    done = await submitted(form, {**ADA, "terms": "on"})

    stored = await FormSubmission.get(done.submission.id)
    assert [(answer.key, answer.label, answer.value) for answer in stored.answers][-1] == (
        "terms",
        "Terms",
        True,
    )


async def broken(*args, **kwargs):
    raise ConnectionError("the database went away")
