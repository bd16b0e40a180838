"""A draft sent for signature: its content rendered one last time and frozen with its SHA-256,
its expiry set (in UTC, with the zone it was meant in), and its first signer invited; the
others are invited in order, each once the one before has signed (`signing`)."""

from datetime import datetime, timedelta

from beanie import PydanticObjectId

from shared.domain.edocs.audit import Client, record
from shared.domain.edocs.drafting import rendered_content
from shared.domain.edocs.errors import DocumentNotDraft
from shared.domain.edocs.hashing import sha256, state_hash
from shared.domain.edocs.invitations import invite
from shared.domain.edocs.repository import DocumentRepository, SignerRepository
from shared.models.base import utc_now
from shared.models.edocs_audit_event import AuditAction
from shared.models.edocs_document import DocumentStatus, EdocsDocument


async def send(
    document: EdocsDocument,
    *,
    user_id: PydanticObjectId | str,
    actor: str,
    client: Client,
    link_key: bytes,
    expires_at: datetime | None,
    time_zone: str,
    default_expiry: timedelta,
) -> EdocsDocument:
    """`expires_at` in UTC, meant in `time_zone`. Raises DocumentNotDraft for a document
    sent already (two sends racing: one wins)."""
    if document.status is not DocumentStatus.DRAFT:
        raise DocumentNotDraft()
    content = await rendered_content(document)
    now = utc_now()
    sent = await DocumentRepository(document.account_id).move(
        document,
        DocumentStatus.DRAFT,
        status=DocumentStatus.SENT,
        content=content,
        content_sha256=sha256(content),
        sent_at=now,
        expires_at=expires_at or now + default_expiry,
        time_zone=time_zone,
    )
    if sent is None:
        raise DocumentNotDraft()
    signers = await SignerRepository(sent.account_id).of_document(sent.id)
    state = state_hash(sent, signers)
    await record(
        sent,
        AuditAction.SENT,
        actor=actor,
        user_id=user_id,
        client=client,
        hash_before=None,
        hash_after=state,
        detail=f"content SHA-256 {sent.content_sha256}",
    )
    await invite(sent, signers[0], signers, link_key)
    return sent
