"""A completed document's final PDF: its content, the signatures and a certificate page (the
hashes and the whole audit trail), printed by the platform's PDF engine
(`shared.utilities.pdf`) and stored in the file storage with its own SHA-256.

Run by the `edocs.render_pdf` task. A run for a document that has its PDF already does nothing,
so a retried task prints and stores once; each run writes under a key of its own and only the
first to record its PDF keeps it (a run racing it deletes its own file), so the stored hash is
always the stored file's.
"""

import uuid
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from shared.domain.edocs.audit import PLATFORM, record
from shared.domain.edocs.errors import DocumentTampered, PdfNotReady
from shared.domain.edocs.hashing import sha256, state_hash
from shared.domain.edocs.integrity import check_intact
from shared.domain.edocs.repository import AuditRepository, DocumentRepository, SignerRepository
from shared.models.base import utc_now
from shared.models.edocs_audit_event import AuditAction, EdocsAuditEvent
from shared.models.edocs_document import DocumentStatus, EdocsDocument
from shared.models.edocs_signer import EdocsSigner
from shared.utilities.pdf import html_to_pdf
from shared.utilities.storage import FileStorage


@cache
def environment() -> Environment:
    """The platform's own template of the final PDF (trusted; every value escaped)."""
    templates = Path(__file__).with_name("templates")
    return Environment(loader=FileSystemLoader(templates), autoescape=select_autoescape())


def final_html(
    document: EdocsDocument, signers: list[EdocsSigner], events: list[EdocsAuditEvent]
) -> str:
    return (
        environment()
        .get_template("final.html")
        .render(
            document=document,
            content=Markup(document.content),  # sanitised when it was rendered, then frozen
            signers=signers,
            events=events,
            final_hash=state_hash(document, signers),
        )
    )


def pdf_key(document: EdocsDocument) -> str:
    return f"edocs-{document.id}-{uuid.uuid4().hex}.pdf"


async def store_final_pdf(
    document_id: str, account_id: str, storage: FileStorage, chromium_path: str
) -> bool:
    """Whether this run printed and stored the document's PDF (False: it has one already, or
    it is not completed; DocumentTampered when it no longer matches its hashes)."""
    documents = DocumentRepository(account_id)
    document = await documents.find_by_id(document_id)
    if document is None or document.status is not DocumentStatus.COMPLETED or document.pdf_key:
        return False
    signers = await SignerRepository(account_id).of_document(document.id)
    check_intact(document, signers)
    events = await AuditRepository(account_id).trail(document.id)
    pdf = await html_to_pdf(final_html(document, signers, events), chromium_path=chromium_path)
    key = pdf_key(document)
    async with storage.writer(key) as file:
        await file.write(pdf)
    digest = sha256(pdf)
    if not await documents.claim_pdf(document, key, digest, utc_now()):
        await storage.delete(key)  # another run stored the document's PDF first
        return False
    state = state_hash(document, signers)
    await record(
        document,
        AuditAction.PDF_STORED,
        actor=PLATFORM,
        hash_before=state,
        hash_after=state,
        detail=f"final PDF SHA-256 {digest}",
    )
    return True


async def stored_pdf(document: EdocsDocument, storage: FileStorage) -> bytes:
    """The document's final PDF as stored (PdfNotReady before it is; DocumentTampered when the
    file no longer has the SHA-256 recorded with it)."""
    if not document.pdf_key:
        raise PdfNotReady()
    pdf = b"".join([chunk async for chunk in storage.read(document.pdf_key)])
    if sha256(pdf) != document.pdf_sha256:
        raise DocumentTampered()
    return pdf
