"""One step in a document's audit trail: what happened, who did it, from where (the client
address and user agent), when, and the document's hash before and after the step. Only ever
inserted; the certificate page of the final PDF prints them."""

from enum import StrEnum

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class AuditAction(StrEnum):
    CREATED = "created"
    SENT = "sent"
    INVITED = "invited"
    VIEWED = "viewed"
    SIGNED = "signed"
    DECLINED = "declined"
    REMINDED = "reminded"
    COMPLETED = "completed"
    EXPIRED = "expired"
    VOIDED = "voided"
    PDF_STORED = "pdf_stored"


class EdocsAuditEvent(TenantDocument):
    document_id: PydanticObjectId
    action: AuditAction
    signer_id: PydanticObjectId | None = None
    user_id: PydanticObjectId | None = None  # a user of the account, for their own steps
    actor: str  # who, as the certificate shows them: "Ada Lovelace <ada@example.com>"
    ip: str = ""
    user_agent: str = ""
    hash_before: str | None = None
    hash_after: str | None = None
    detail: str = ""  # a decline's reason, a signature's kind

    class Settings:
        name = "edocs_audit_events"
        indexes = [
            IndexModel(
                [("account_id", ASCENDING), ("document_id", ASCENDING), ("created_at", ASCENDING)]
            ),
        ]
