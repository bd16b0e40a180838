"""A document out for signature withdrawn by the account (the wrong price, the wrong signer):
its links keep opening it, marked void, and nobody can sign it any more nor is reminded."""

from beanie import PydanticObjectId

from shared.domain.edocs.audit import Client, record, state_of
from shared.domain.edocs.errors import DocumentNotOpen
from shared.domain.edocs.repository import DocumentRepository
from shared.models.base import utc_now
from shared.models.edocs_audit_event import AuditAction
from shared.models.edocs_document import DocumentStatus, EdocsDocument


async def void(
    document: EdocsDocument,
    *,
    reason: str,
    user_id: PydanticObjectId | str,
    actor: str,
    client: Client,
) -> EdocsDocument:
    """Raises DocumentNotOpen unless the document is out for signature (a draft is deleted
    instead; a signed one is the record of what was signed), also when the last signature
    lands meanwhile."""
    if document.status is not DocumentStatus.SENT:
        raise DocumentNotOpen()
    voided = await DocumentRepository(document.account_id).move(
        document,
        DocumentStatus.SENT,
        status=DocumentStatus.VOIDED,
        voided_at=utc_now(),
        void_reason=reason,
    )
    if voided is None:
        raise DocumentNotOpen()
    state = await state_of(voided)
    await record(
        voided,
        AuditAction.VOIDED,
        actor=actor,
        user_id=user_id,
        client=client,
        hash_before=state,
        hash_after=state,
        detail=reason,
    )
    return voided
