"""Every query of e-documents: an account's templates, documents, signers and audit trail.

A signing link names its signer by id alone, with no session to say whose it is:
`signer_by_id` is the one query that finds a signer across accounts, and everything after it
is scoped to the signer's account. The crons' queries (`due_reminders`, `expired_documents`)
go over every account, each document then handled in its own account's scope.
"""

from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from beanie.odm.queries.update import UpdateResponse

from shared.models.base import utc_now
from shared.models.edocs_audit_event import EdocsAuditEvent
from shared.models.edocs_document import DocumentStatus, EdocsDocument
from shared.models.edocs_signer import EdocsSigner, SignerStatus
from shared.models.edocs_template import EdocsTemplate
from shared.utilities.repository import TenantRepository, object_id


async def signer_by_id(signer_id: str) -> EdocsSigner | None:
    oid = object_id(signer_id)
    return await EdocsSigner.find_one({"_id": oid}) if oid else None


class TemplateRepository(TenantRepository[EdocsTemplate]):
    noun = "Template"
    sortable = frozenset({"created_at", "updated_at", "name"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(EdocsTemplate, account_id)


class DocumentRepository(TenantRepository[EdocsDocument]):
    noun = "Document"
    sortable = frozenset({"created_at", "updated_at", "title"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(EdocsDocument, account_id)

    async def move(
        self, document: EdocsDocument, was: DocumentStatus, **fields: Any
    ) -> EdocsDocument | None:
        """The document given `fields` if it is still `was`, as stored now; None when another
        caller moved it first (two last signatures racing, a retried task)."""
        changes = {**fields, "updated_at": utc_now()}
        return await EdocsDocument.find_one(
            self.scoped({"_id": document.id, "status": was.value})
        ).update({"$set": changes}, response_type=UpdateResponse.NEW_DOCUMENT)

    async def claim_pdf(self, document: EdocsDocument, key: str, digest: str, at: datetime) -> bool:
        """Records the final PDF stored under `key` unless one is recorded already: whether
        this caller's was (the first, once)."""
        changes = {"pdf_key": key, "pdf_sha256": digest, "pdf_rendered_at": at, "updated_at": at}
        result = await EdocsDocument.find_one(
            self.scoped({"_id": document.id, "pdf_key": None})
        ).update({"$set": changes})
        return result.modified_count == 1


class SignerRepository(TenantRepository[EdocsSigner]):
    noun = "Signer"
    sortable = frozenset({"order", "created_at"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(EdocsSigner, account_id)

    async def of_document(self, document_id: PydanticObjectId) -> list[EdocsSigner]:
        return await self.list({"document_id": document_id}, limit=0, sort="order")

    async def of_documents(
        self, document_ids: list[PydanticObjectId]
    ) -> dict[PydanticObjectId, list[EdocsSigner]]:
        """The signers of each document, in order: one query for a page of documents."""
        signers = await self.list({"document_id": {"$in": document_ids}}, limit=0, sort="order")
        by_document: dict[PydanticObjectId, list[EdocsSigner]] = {id_: [] for id_ in document_ids}
        for signer in signers:
            by_document[signer.document_id].append(signer)
        return by_document

    async def delete_of_document(self, document_id: PydanticObjectId) -> None:
        await EdocsSigner.find(self.scoped({"document_id": document_id})).delete()

    async def move(
        self, signer: EdocsSigner, was: SignerStatus, **fields: Any
    ) -> EdocsSigner | None:
        """The signer given `fields` if it is still `was`; None when it moved meanwhile (the
        same signature sent twice at once)."""
        changes = {**fields, "updated_at": utc_now()}
        return await EdocsSigner.find_one(
            self.scoped({"_id": signer.id, "status": was.value})
        ).update({"$set": changes}, response_type=UpdateResponse.NEW_DOCUMENT)

    async def first_viewed(self, signer: EdocsSigner, at: datetime) -> None:
        """When the signer first opened the document: set once, and nothing else written (a
        signature given meanwhile in another tab stays)."""
        unseen = self.scoped({"_id": signer.id, "viewed_at": None})
        await EdocsSigner.find_one(unseen).update({"$set": {"viewed_at": at, "updated_at": at}})
        signer.viewed_at = signer.viewed_at or at

    async def claim_reminder(self, signer: EdocsSigner, due_before: datetime) -> bool:
        """Whether this caller sends the signer's next reminder: only if none was sent since
        `due_before`, and only one of the callers racing for it."""
        not_lately = {
            "$or": [{"last_reminded_at": None}, {"last_reminded_at": {"$lt": due_before}}]
        }
        result = await EdocsSigner.find_one(
            self.scoped({"_id": signer.id, "status": SignerStatus.INVITED.value, **not_lately})
        ).update({"$set": {"last_reminded_at": utc_now()}, "$inc": {"reminders_sent": 1}})
        return result.modified_count == 1


class AuditRepository(TenantRepository[EdocsAuditEvent]):
    noun = "Audit event"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(EdocsAuditEvent, account_id)

    async def trail(self, document_id: PydanticObjectId) -> list[EdocsAuditEvent]:
        return await self.list({"document_id": document_id}, limit=0, sort="created_at")


async def due_reminders(
    invited_before: datetime, reminded_before: datetime, max_reminders: int, limit: int
) -> list[EdocsSigner]:
    """Invited signers, every account's, invited before `invited_before`, not reminded since
    `reminded_before` and reminded fewer than `max_reminders` times."""
    return (
        await EdocsSigner.find(
            {
                "status": SignerStatus.INVITED.value,
                "invited_at": {"$lt": invited_before},
                "reminders_sent": {"$lt": max_reminders},
                "$or": [{"last_reminded_at": None}, {"last_reminded_at": {"$lt": reminded_before}}],
            }
        )
        .limit(limit)
        .to_list()
    )


async def expired_documents(now: datetime, limit: int) -> list[EdocsDocument]:
    """Documents out for signature, every account's, whose time is up."""
    sent = {"status": DocumentStatus.SENT.value, "expires_at": {"$lte": now}}
    return await EdocsDocument.find(sent).limit(limit).to_list()
