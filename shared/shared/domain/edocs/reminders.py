"""The `edocs` cron's sweep: reminders to invited signers who have not signed, and the expiry
of documents not signed in time.

A signer is reminded once per EDOCS_REMINDER_INTERVAL_HOURS, at most EDOCS_MAX_REMINDERS
times: each reminder is claimed first (a conditional update of the signer's last reminder), so
sweeps running twice at once, or a retried sweep, send it once; and the message's key names the
reminder, so a message asked for twice is sent once too. A document past its `expires_at` is
expired (its signers can no longer sign) and recorded in its audit trail.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from shared.domain.edocs.audit import PLATFORM, record, state_of
from shared.domain.edocs.invitations import tell_signer
from shared.domain.edocs.repository import (
    DocumentRepository,
    SignerRepository,
    due_reminders,
    expired_documents,
)
from shared.domain.edocs.settings import EdocsSettings
from shared.models.base import utc_now
from shared.models.edocs_audit_event import AuditAction
from shared.models.edocs_document import DocumentStatus
from shared.models.edocs_signer import EdocsSigner

BATCH = 200  # handled per sweep; the rest wait for the next one


@dataclass(frozen=True)
class Swept:
    reminded: int
    expired: int


async def sweep(settings: EdocsSettings, link_key: bytes) -> Swept:
    return Swept(await send_reminders(settings, link_key), await expire_documents())


async def send_reminders(settings: EdocsSettings, link_key: bytes) -> int:
    interval = timedelta(hours=settings.edocs_reminder_interval_hours)
    due_before = utc_now() - interval
    signers = await due_reminders(due_before, due_before, settings.edocs_max_reminders, BATCH)
    return sum([await remind(signer, due_before, link_key) for signer in signers])


async def remind(signer: EdocsSigner, due_before: datetime, link_key: bytes) -> bool:
    document = await DocumentRepository(signer.account_id).find_by_id(signer.document_id)
    if document is None or document.status is not DocumentStatus.SENT:
        return False
    if document.expires_at and document.expires_at <= utc_now():
        return False  # expired: the sweep's expiry takes it
    signers = SignerRepository(signer.account_id)
    if not await signers.claim_reminder(signer, due_before):
        return False  # reminded meanwhile, by a sweep racing this one
    number = signer.reminders_sent + 1
    await tell_signer(
        "document_reminder", document, signer, link_key, f"{signer.id}:reminder:{number}"
    )
    state = await state_of(document)
    await record(
        document,
        AuditAction.REMINDED,
        actor=PLATFORM,
        signer=signer,
        hash_before=state,
        hash_after=state,
        detail=f"reminder {number} emailed",
    )
    return True


async def expire_documents() -> int:
    expired = 0
    for document in await expired_documents(utc_now(), BATCH):
        documents = DocumentRepository(document.account_id)
        if await documents.move(document, DocumentStatus.SENT, status=DocumentStatus.EXPIRED):
            state = await state_of(document)
            await record(
                document, AuditAction.EXPIRED, actor=PLATFORM, hash_before=state, hash_after=state
            )
            expired += 1
    return expired
