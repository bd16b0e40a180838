"""A sent document signed by its signers in order through their links: each step checked
against the document's hashes first (a tampered document refused, nothing recorded), recorded
with the signer's address, user agent and the hashes before and after; the last signature
completes it, with what that sets off."""

import asyncio
from datetime import timedelta

import pytest

from shared.domain.edocs import signing
from shared.domain.edocs.errors import (
    DocumentExpired,
    DocumentNotOpen,
    DocumentTampered,
    NotYourTurn,
    SigningLinkInvalid,
)
from shared.domain.edocs.hashing import sha256
from shared.domain.edocs.signatures import drawn_signature, typed_signature
from shared.models.automation import AddTag, Automation, DocumentSigned
from shared.models.automation_log import AutomationLog
from shared.models.base import utc_now
from shared.models.deal import Deal, DealStatus
from shared.models.edocs_audit_event import AuditAction, EdocsAuditEvent
from shared.models.edocs_document import DocumentStatus, EdocsDocument
from shared.models.edocs_signer import EdocsSigner, SignerStatus
from tests.edocs_factories import (
    CLIENT,
    KEY,
    PNG,
    create_draft,
    create_template,
    send_draft,
    signers_of,
    tokens_of,
)
from tests.factories import create_account, create_contact, create_deal, create_pipeline
from tests.shared.domain.held import events, platform_messages


@pytest.fixture
async def account(mongo):
    return await create_account(name="Acme Marketing")


@pytest.fixture
async def sent(account, outbox):
    contact = await create_contact(account, first_name="Grace", last_name="Hopper")
    return await send_draft(await create_draft(account, contact))


def invited(outbox) -> list[str]:
    return [to for event, _, to in platform_messages(outbox) if event == "document_to_sign"]


async def trail(document: EdocsDocument) -> list[AuditAction]:
    found = await EdocsAuditEvent.find({"document_id": document.id}).sort("+created_at").to_list()
    return [event.action for event in found]


async def test_sending_freezes_the_content_with_its_hash_and_invites_the_first_signer_only(
    sent, outbox
):
    assert sent.status is DocumentStatus.SENT
    assert "Grace Hopper" in sent.content and "3,000.00 USD" in sent.content
    assert sent.content_sha256 == sha256(sent.content)
    assert (sent.time_zone, sent.expires_at > utc_now()) == ("Europe/Paris", True)
    assert invited(outbox) == ["ada@example.com"]
    first, second = await signers_of(sent)
    assert (first.status, second.status) == (SignerStatus.INVITED, SignerStatus.WAITING)


async def test_the_second_signer_is_invited_only_once_the_first_has_signed(sent, outbox):
    first, second = await tokens_of(sent)
    with pytest.raises(NotYourTurn):
        await signing.sign(KEY, second, typed_signature("Grace Hopper"), CLIENT)
    assert invited(outbox) == ["ada@example.com"]

    await signing.sign(KEY, first, typed_signature("Ada Lovelace"), CLIENT)

    assert invited(outbox) == ["ada@example.com", "grace@example.com"]
    statuses = [signer.status for signer in await signers_of(sent)]
    assert statuses == [SignerStatus.SIGNED, SignerStatus.INVITED]


async def test_each_step_is_recorded_with_the_address_user_agent_and_hashes(sent):
    first, _ = await tokens_of(sent)

    await signing.view(KEY, first, CLIENT)
    await signing.sign(KEY, first, typed_signature("Ada Lovelace"), CLIENT)

    signed = await EdocsAuditEvent.find_one({"document_id": sent.id, "action": "signed"})
    assert (signed.ip, signed.user_agent) == (CLIENT.ip, CLIENT.user_agent)
    assert signed.actor == "Ada Lovelace <ada@example.com>"
    assert signed.hash_before and signed.hash_after and signed.hash_before != signed.hash_after
    viewed = await EdocsAuditEvent.find_one({"document_id": sent.id, "action": "viewed"})
    assert viewed.hash_after == signed.hash_before
    assert (await signers_of(sent))[0].viewed_at is not None


async def test_a_document_whose_content_changed_is_refused_and_nothing_is_recorded(sent):
    first, _ = await tokens_of(sent)
    stored = await EdocsDocument.get(sent.id)
    stored.content = stored.content.replace("3,000.00", "30.00")
    await stored.save()
    before = await trail(sent)

    for step in (
        signing.view(KEY, first, CLIENT),
        signing.sign(KEY, first, typed_signature("Ada Lovelace"), CLIENT),
    ):
        with pytest.raises(DocumentTampered):
            await step

    assert await trail(sent) == before
    assert (await signers_of(sent))[0].status is SignerStatus.INVITED


async def test_a_signature_changed_after_signing_makes_the_document_refused(sent):
    first, second = await tokens_of(sent)
    await signing.sign(KEY, first, typed_signature("Ada Lovelace"), CLIENT)
    signer = await EdocsSigner.find_one({"document_id": sent.id, "order": 1})
    signer.signature.typed_name = "Someone Else"
    await signer.save()

    with pytest.raises(DocumentTampered):
        await signing.view(KEY, second, CLIENT)


async def test_a_link_with_a_wrong_mac_or_a_replaced_nonce_opens_nothing(sent):
    first, _ = await tokens_of(sent)
    signer_id, _, mac = first.partition(".")
    with pytest.raises(SigningLinkInvalid):
        await signing.view(KEY, f"{signer_id}.{'0' * len(mac)}", CLIENT)

    signer = await EdocsSigner.get(signer_id)
    signer.link_nonce = "replaced"
    await signer.save()
    with pytest.raises(SigningLinkInvalid):
        await signing.view(KEY, first, CLIENT)


async def test_a_drawn_signature_is_kept_with_its_fingerprint(sent):
    first, _ = await tokens_of(sent)

    await signing.sign(KEY, first, drawn_signature(PNG), CLIENT)

    signer = (await signers_of(sent))[0]
    assert signer.signature.kind == "drawn" and signer.signature.drawn_png == PNG


async def test_an_expired_document_can_be_opened_but_not_signed(account, outbox):
    contact = await create_contact(account)
    document = await send_draft(
        await create_draft(account, contact), expires_at=utc_now() - timedelta(minutes=1)
    )
    first, _ = await tokens_of(document)

    await signing.view(KEY, first, CLIENT)
    with pytest.raises(DocumentExpired):
        await signing.sign(KEY, first, typed_signature("Ada Lovelace"), CLIENT)

    assert (await signers_of(document))[0].status is SignerStatus.INVITED


async def test_a_decline_ends_the_document_for_every_signer(sent, outbox):
    first, second = await tokens_of(sent)

    await signing.decline(KEY, first, "The price is wrong", CLIENT)

    stored = await EdocsDocument.get(sent.id)
    assert stored.status is DocumentStatus.DECLINED
    assert (await signers_of(sent))[0].decline_reason == "The price is wrong"
    assert invited(outbox) == ["ada@example.com"]
    with pytest.raises(DocumentNotOpen):
        await signing.sign(KEY, second, typed_signature("Grace Hopper"), CLIENT)


async def test_the_last_signature_completes_it_publishes_document_signed_and_fires_rules(
    account, sent, outbox
):
    rule = await Automation(
        account_id=account.id,
        name="Signed",
        trigger=DocumentSigned(),
        actions=[AddTag(tag="signed")],
    ).insert()
    first, second = await tokens_of(sent)

    await signing.sign(KEY, first, typed_signature("Ada Lovelace"), CLIENT)
    await signing.sign(KEY, second, typed_signature("Grace Hopper"), CLIENT)

    stored = await EdocsDocument.get(sent.id)
    assert stored.status is DocumentStatus.COMPLETED and stored.completed_at
    [event] = [event for event in events(outbox) if event["type"] == "document.signed"]
    assert event["data"]["document"]["content_sha256"] == sent.content_sha256
    assert [signer["email"] for signer in event["data"]["signers"]] == [
        "ada@example.com",
        "grace@example.com",
    ]
    [run] = await AutomationLog.find({"automation_id": rule.id}).to_list()
    assert (run.entity_type, run.entity_id) == ("contact", sent.contact_id)
    assert [job.task_id for job in outbox.jobs if job.name == "edocs.render_pdf"] == [
        f"edocs-pdf:{sent.id}"
    ]
    assert (await trail(sent))[-1] is AuditAction.COMPLETED


async def test_a_signed_proposal_wins_its_deal(account, outbox):
    pipeline = await create_pipeline(account)
    deal = await create_deal(pipeline, value=300_000)
    contact = await create_contact(account)
    template = await create_template(account, is_proposal=True)
    document = await send_draft(
        await create_draft(
            account, contact, deal=deal, template=template, signers=(("A", "a@example.com"),)
        )
    )
    [token] = await tokens_of(document)

    await signing.sign(KEY, token, typed_signature("A"), CLIENT)

    won = await Deal.get(deal.id)
    assert won.status is DealStatus.WON and won.closed_at
    assert "deal.stage_changed" not in [event["type"] for event in events(outbox)]


async def test_a_signed_document_that_is_no_proposal_leaves_its_deal_open(account, outbox):
    pipeline = await create_pipeline(account)
    deal = await create_deal(pipeline)
    contact = await create_contact(account)
    document = await send_draft(
        await create_draft(account, contact, deal=deal, signers=(("A", "a@example.com"),))
    )
    [token] = await tokens_of(document)

    await signing.sign(KEY, token, typed_signature("A"), CLIENT)

    assert (await Deal.get(deal.id)).status is DealStatus.OPEN


async def test_signing_twice_counts_once(sent, outbox):
    first, _ = await tokens_of(sent)
    await signing.sign(KEY, first, typed_signature("Ada Lovelace"), CLIENT)

    with pytest.raises(NotYourTurn):
        await signing.sign(KEY, first, typed_signature("Ada Lovelace"), CLIENT)

    assert (await trail(sent)).count(AuditAction.SIGNED) == 1


async def test_the_same_signature_sent_twice_at_once_counts_once(sent, outbox):
    first, _ = await tokens_of(sent)
    signature = typed_signature("Ada Lovelace")

    results = await asyncio.gather(
        signing.sign(KEY, first, signature, CLIENT),
        signing.sign(KEY, first, signature, CLIENT),
        return_exceptions=True,
    )

    assert sorted(type(result).__name__ for result in results) == ["NotYourTurn", "Signing"]
    assert (await trail(sent)).count(AuditAction.SIGNED) == 1
    assert invited(outbox) == ["ada@example.com", "grace@example.com"]
