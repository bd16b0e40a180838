"""The edocs cron's sweep: a signer who has not signed is reminded once per interval, however
often the sweep runs (a retried task, two at once), at most so many times; a document past its
expiry is expired, and can no longer be signed."""

import asyncio
from datetime import timedelta

import pytest

from shared.domain.edocs import signing
from shared.domain.edocs.errors import DocumentExpired
from shared.domain.edocs.reminders import sweep
from shared.domain.edocs.settings import EdocsSettings
from shared.domain.edocs.signatures import typed_signature
from shared.models.base import utc_now
from shared.models.edocs_audit_event import EdocsAuditEvent
from shared.models.edocs_document import DocumentStatus, EdocsDocument
from shared.models.edocs_signer import EdocsSigner
from tests.edocs_factories import CLIENT, KEY, create_draft, send_draft, tokens_of
from tests.factories import create_account, create_contact
from tests.shared.domain.held import platform_messages

SETTINGS = EdocsSettings(edocs_reminder_interval_hours=24, edocs_max_reminders=2)


@pytest.fixture
async def sent(mongo, outbox):
    account = await create_account()
    document = await send_draft(await create_draft(account, await create_contact(account)))
    await age_invitation(document, hours=25)
    return document


async def age_invitation(document: EdocsDocument, hours: int) -> None:
    """The first signer invited `hours` ago, and reminded then if ever."""
    signer = await EdocsSigner.find_one({"document_id": document.id, "order": 1})
    signer.invited_at = utc_now() - timedelta(hours=hours)
    if signer.last_reminded_at:
        signer.last_reminded_at = signer.invited_at
    await signer.save()


def reminders(outbox) -> list[tuple[str, str]]:
    return [
        (to, job_id)
        for (event, _, to), job_id in zip(platform_messages(outbox), task_ids(outbox), strict=True)
        if event == "document_reminder"
    ]


def task_ids(outbox) -> list[str]:
    return [job.task_id for job in outbox.jobs if job.name == "platform_messages.send"]


async def test_a_signer_who_has_not_signed_is_reminded_once_however_often_the_sweep_runs(
    sent, outbox
):
    await sweep(SETTINGS, KEY)
    await sweep(SETTINGS, KEY)  # the task retried
    await asyncio.gather(sweep(SETTINGS, KEY), sweep(SETTINGS, KEY))  # two at once

    assert [to for to, _ in reminders(outbox)] == ["ada@example.com"]
    signer = await EdocsSigner.find_one({"document_id": sent.id, "order": 1})
    assert signer.reminders_sent == 1
    recorded = await EdocsAuditEvent.find({"document_id": sent.id, "action": "reminded"}).count()
    assert recorded == 1


async def test_the_next_reminder_waits_for_the_interval_and_they_stop_at_the_most(sent, outbox):
    await sweep(SETTINGS, KEY)
    for _ in range(3):
        await age_invitation(sent, hours=25)
        await sweep(SETTINGS, KEY)

    sent_ids = [job_id for _, job_id in reminders(outbox)]
    assert len(sent_ids) == 2 and len(set(sent_ids)) == 2  # each reminder its own message


async def test_a_signer_invited_lately_is_not_reminded_yet(sent, outbox):
    await age_invitation(sent, hours=1)

    swept = await sweep(SETTINGS, KEY)

    assert (swept.reminded, reminders(outbox)) == (0, [])


async def test_a_document_past_its_expiry_is_expired_and_can_no_longer_be_signed(sent, outbox):
    sent.expires_at = utc_now() - timedelta(seconds=1)
    await sent.save()
    first, _ = await tokens_of(sent)

    swept = await sweep(SETTINGS, KEY)

    assert (swept.expired, swept.reminded) == (1, 0)
    assert (await EdocsDocument.get(sent.id)).status is DocumentStatus.EXPIRED
    with pytest.raises(DocumentExpired):
        await signing.sign(KEY, first, typed_signature("Ada Lovelace"), CLIENT)
