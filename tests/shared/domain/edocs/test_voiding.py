"""A document out for signature withdrawn by its account: nobody signs it or is reminded any
more, its links show it voided, and the trail records who voided it and why."""

from datetime import timedelta

import pytest

from shared.domain.edocs import signing, voiding
from shared.domain.edocs.errors import DocumentNotOpen
from shared.domain.edocs.reminders import sweep
from shared.domain.edocs.settings import EdocsSettings
from shared.domain.edocs.signatures import typed_signature
from shared.models.base import utc_now
from shared.models.edocs_audit_event import AuditAction, EdocsAuditEvent
from shared.models.edocs_document import DocumentStatus, EdocsDocument
from shared.models.edocs_signer import EdocsSigner
from tests.edocs_factories import CLIENT, KEY, create_draft, send_draft, tokens_of
from tests.factories import create_account, create_contact
from tests.shared.domain.held import platform_messages


@pytest.fixture
async def account(mongo):
    return await create_account()


@pytest.fixture
async def sent(account, outbox):
    return await send_draft(await create_draft(account, await create_contact(account)))


async def void(document: EdocsDocument) -> EdocsDocument:
    return await voiding.void(
        document, reason="wrong price", user_id=document.account_id, actor="Ada", client=CLIENT
    )


async def test_a_voided_document_is_recorded_with_who_and_why(sent):
    voided = await void(sent)

    stored = await EdocsDocument.get(sent.id)
    assert stored.status is DocumentStatus.VOIDED and stored.void_reason == "wrong price"
    assert stored.voided_at is not None and voided.voided_at == stored.voided_at
    last = await EdocsAuditEvent.find({"document_id": sent.id}).sort("-created_at").first_or_none()
    assert (last.action, last.actor, last.detail) == (AuditAction.VOIDED, "Ada", "wrong price")
    assert last.hash_before == last.hash_after is not None


async def test_a_voided_document_opens_but_cannot_be_signed(sent):
    await void(sent)
    [token, _] = await tokens_of(sent)

    opened = await signing.view(KEY, token, CLIENT)
    with pytest.raises(DocumentNotOpen):
        await signing.sign(KEY, token, typed_signature("Grace Hopper"), CLIENT)

    assert opened.document.status is DocumentStatus.VOIDED
    signer = await EdocsSigner.get(opened.signer.id)
    assert signer.signed_at is None


async def test_a_voided_documents_signers_are_not_reminded(sent, outbox):
    await void(sent)
    signer = await EdocsSigner.find_one({"document_id": sent.id, "order": 1})
    signer.invited_at = utc_now() - timedelta(days=3)
    await signer.save()
    invitations = len(platform_messages(outbox))

    await sweep(EdocsSettings(edocs_reminder_interval_hours=24), KEY)

    assert len(platform_messages(outbox)) == invitations


async def test_a_draft_cannot_be_voided_and_stays_a_draft(account):
    draft = await create_draft(account, await create_contact(account))

    with pytest.raises(DocumentNotOpen):
        await void(draft)

    assert (await EdocsDocument.get(draft.id)).status is DocumentStatus.DRAFT
    assert await EdocsAuditEvent.find({"action": AuditAction.VOIDED.value}).count() == 0
