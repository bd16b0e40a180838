"""A document every signer has signed: completed once (two last signatures racing: one
completes it), then what that sets off, sent with the caller's outbox: the final PDF printed
in the background (queue `edocs`), `document.signed` for the account's webhooks, the
automations watching it, and a signed proposal's deal won through the deals' write path."""

from shared.domain.automations.firing import fire
from shared.domain.deals.repository import DealRepository
from shared.domain.deals.writing import win_deal
from shared.domain.edocs.audit import PLATFORM, record
from shared.domain.edocs.hashing import state_hash
from shared.domain.edocs.repository import DocumentRepository
from shared.models.base import utc_now
from shared.models.edocs_audit_event import AuditAction
from shared.models.edocs_document import DocumentStatus, EdocsDocument
from shared.models.edocs_signer import EdocsSigner
from shared.models.webhook_subscription import WebhookEventType
from shared.utilities.events import publish_event
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import EDOCS_RENDER_PDF

TRIGGER = "document.signed"


async def complete(document: EdocsDocument, signers: list[EdocsSigner]) -> EdocsDocument | None:
    """The document completed, or None when another caller completed it first."""
    completed = await DocumentRepository(document.account_id).move(
        document, DocumentStatus.SENT, status=DocumentStatus.COMPLETED, completed_at=utc_now()
    )
    if completed is None:
        return None
    assert completed.id is not None, "a stored document"
    state = state_hash(completed, signers)
    await record(
        completed, AuditAction.COMPLETED, actor=PLATFORM, hash_before=state, hash_after=state
    )
    enqueue_job(
        EDOCS_RENDER_PDF,
        task_id=f"edocs-pdf:{completed.id}",
        document_id=str(completed.id),
        account_id=str(completed.account_id),
    )
    publish_event(
        completed.account_id, WebhookEventType.DOCUMENT_SIGNED, signed_event(completed, signers)
    )
    await fire(completed.account_id, TRIGGER, {}, "contact", completed.contact_id)
    if completed.is_proposal and completed.deal_id:
        deal = await DealRepository(completed.account_id).find_by_id(completed.deal_id)
        if deal:
            await win_deal(deal, actor_id=None)
    return completed


def signed_event(document: EdocsDocument, signers: list[EdocsSigner]) -> dict:
    return {
        "document": {
            "id": str(document.id),
            "title": document.title,
            "contact_id": str(document.contact_id),
            "deal_id": str(document.deal_id) if document.deal_id else None,
            "is_proposal": document.is_proposal,
            "content_sha256": document.content_sha256,
            "completed_at": document.completed_at.isoformat() if document.completed_at else None,
        },
        "signers": [
            {
                "name": signer.name,
                "email": signer.email,
                "order": signer.order,
                "signed_at": signer.signed_at.isoformat() if signer.signed_at else None,
            }
            for signer in signers
        ],
    }
