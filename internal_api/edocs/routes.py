"""/v1/edocs: the account's document templates, and documents made from them for a contact,
sent to their signers, with their audit trail and final PDF (signed in). What a signer's link
opens is `public_routes`."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from internal_api.dependencies import Settings
from internal_api.edocs import service
from internal_api.edocs.auth import EdocsRead, EdocsWrite
from internal_api.edocs.dependencies import AuditClient
from internal_api.edocs.schemas import (
    AuditEventRead,
    DocumentCreate,
    DocumentSend,
    DocumentVoid,
    EdocsDocumentRead,
    TemplateCreate,
    TemplateRead,
    TemplateUpdate,
)
from internal_api.extended import Extended
from internal_api.storage import Storage
from shared.domain.edocs.errors import (
    DocumentNotDraft,
    DocumentNotOpen,
    DocumentTampered,
    InvalidTemplate,
    PdfNotReady,
    UnknownMergeFields,
)
from shared.domain.edocs.repository import DocumentRepository, TemplateRepository
from shared.models.edocs_audit_event import EdocsAuditEvent
from shared.models.edocs_document import EdocsDocument
from shared.models.edocs_template import EdocsTemplate
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/edocs", tags=["edocs"])

TemplatePaging = Annotated[PageParams, Depends(sorted_by(TemplateRepository.sortable))]
DocumentPaging = Annotated[PageParams, Depends(sorted_by(DocumentRepository.sortable))]
TEMPLATE_ERRORS = (InvalidInput, UnknownMergeFields, InvalidTemplate)


@router.post(
    "/templates",
    status_code=201,
    response_model=TemplateRead,
    summary="Build a document template",
    description="Its body is stored sanitised; a merge field there is none of answers 422 "
    "`unknown_merge_fields` naming each.",
    responses=error_responses(*SIGNED_IN, *TEMPLATE_ERRORS),
)
async def create_template(body: TemplateCreate, principal: EdocsWrite) -> EdocsTemplate:
    return await service.create_template(principal, body)


@router.get(
    "/templates",
    response_model=Page[TemplateRead],
    summary="The account's document templates",
    responses=error_responses(*SIGNED_IN),
)
async def list_templates(principal: EdocsRead, paging: TemplatePaging) -> Page[EdocsTemplate]:
    return await service.list_templates(principal, paging)


@router.get(
    "/templates/{template_id}",
    response_model=TemplateRead,
    summary="One document template",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_template(template_id: str, principal: EdocsRead) -> EdocsTemplate:
    return await service.get_template(principal, template_id)


@router.patch(
    "/templates/{template_id}",
    response_model=TemplateRead,
    summary="Change a document template",
    description="Only the fields sent change; documents made from it keep their content.",
    responses=error_responses(*SIGNED_IN, *TEMPLATE_ERRORS, NotFound),
)
async def update_template(
    template_id: str, body: TemplateUpdate, principal: EdocsWrite
) -> EdocsTemplate:
    return await service.update_template(principal, template_id, body)


@router.delete(
    "/templates/{template_id}",
    status_code=204,
    summary="Delete a document template",
    description="Documents made from it keep their content.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_template(template_id: str, principal: EdocsWrite) -> Response:
    await service.delete_template(principal, template_id)
    return Response(status_code=204)


@router.post(
    "/documents",
    status_code=201,
    response_model=EdocsDocumentRead,
    summary="Make a document from a template, for a contact",
    description="A draft, its content rendered from the template with the contact's, the "
    "deal's and the account's merge fields and the line items; its signers sign in the "
    "order given once it is sent.",
    responses=error_responses(*SIGNED_IN, *TEMPLATE_ERRORS, NotFound),
)
async def create_document(
    body: DocumentCreate, principal: EdocsWrite, client: AuditClient
) -> Extended[EdocsDocument]:
    return await service.create_document(principal, body, client)


@router.get(
    "/documents",
    response_model=Page[EdocsDocumentRead],
    summary="The account's documents",
    responses=error_responses(*SIGNED_IN),
)
async def list_documents(
    principal: EdocsRead, paging: DocumentPaging
) -> Page[Extended[EdocsDocument]]:
    return await service.list_documents(principal, paging)


@router.get(
    "/documents/{document_id}",
    response_model=EdocsDocumentRead,
    summary="One document, with its signers",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_document(document_id: str, principal: EdocsRead) -> Extended[EdocsDocument]:
    return await service.read_document(principal, document_id)


@router.post(
    "/documents/{document_id}/send",
    response_model=EdocsDocumentRead,
    summary="Send a draft to its signers",
    description="Its content is rendered one last time and frozen with its SHA-256; the first "
    "signer is emailed their signing link, each next one once the one before has signed. "
    "409 `document_not_draft` for a document sent already.",
    responses=error_responses(*SIGNED_IN, *TEMPLATE_ERRORS, NotFound, DocumentNotDraft),
)
async def send_document(
    document_id: str,
    body: DocumentSend,
    principal: EdocsWrite,
    client: AuditClient,
    settings: Settings,
) -> Extended[EdocsDocument]:
    return await service.send_document(principal, document_id, body, client, settings)


@router.post(
    "/documents/{document_id}/void",
    response_model=EdocsDocumentRead,
    summary="Withdraw a document out for signature",
    description="Its signers can no longer sign it nor are reminded; their links show it "
    "voided. 409 `document_not_open` unless it is out for signature.",
    responses=error_responses(*SIGNED_IN, NotFound, DocumentNotOpen),
)
async def void_document(
    document_id: str, body: DocumentVoid, principal: EdocsWrite, client: AuditClient
) -> Extended[EdocsDocument]:
    return await service.void_document(principal, document_id, body, client)


@router.delete(
    "/documents/{document_id}",
    status_code=204,
    summary="Delete a draft",
    description="A sent document is kept: it is the record of what was signed (409).",
    responses=error_responses(*SIGNED_IN, NotFound, DocumentNotDraft),
)
async def delete_document(document_id: str, principal: EdocsWrite) -> Response:
    await service.delete_document(principal, document_id)
    return Response(status_code=204)


@router.get(
    "/documents/{document_id}/audit",
    response_model=list[AuditEventRead],
    summary="The document's audit trail, oldest first",
    description="Each step: who, when, from which address and user agent, and the document's "
    "state hash before and after it.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def audit_trail(document_id: str, principal: EdocsRead) -> list[EdocsAuditEvent]:
    return await service.audit_trail(principal, document_id)


@router.get(
    "/documents/{document_id}/pdf",
    summary="The signed document's final PDF",
    description="The content, the signatures and the certificate page; 409 `pdf_not_ready` "
    "until it is printed, 409 `document_tampered` when the stored file no longer has its "
    "recorded SHA-256.",
    response_class=Response,
    responses={
        200: {"content": {"application/pdf": {}}},
        **error_responses(*SIGNED_IN, NotFound, PdfNotReady, DocumentTampered),
    },
)
async def final_pdf(document_id: str, principal: EdocsRead, storage: Storage) -> Response:
    pdf = await service.final_pdf(principal, document_id, storage)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"content-disposition": f'attachment; filename="document-{document_id}.pdf"'},
    )
