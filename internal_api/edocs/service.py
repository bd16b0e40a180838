"""E-documents signed in: templates built and changed (their bodies sanitised and checked
against the merge fields), documents made from them for a contact, sent, and read with their
signers, audit trail and final PDF. Sending, signing and what follows are the domain's
(`shared.domain.edocs`)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from beanie import PydanticObjectId

from internal_api.edocs.schemas import (
    DocumentCreate,
    DocumentSend,
    DocumentVoid,
    TemplateCreate,
    TemplateUpdate,
)
from internal_api.extended import Extended
from internal_api.settings import InternalApiSettings
from shared.domain.contacts.repository import ContactRepository
from shared.domain.deals.repository import DealRepository
from shared.domain.edocs import sending, voiding
from shared.domain.edocs.audit import Client, record, user_actor
from shared.domain.edocs.drafting import rendered_content
from shared.domain.edocs.errors import DocumentNotDraft
from shared.domain.edocs.final_pdf import stored_pdf
from shared.domain.edocs.links import link_key, new_link_nonce
from shared.domain.edocs.merging import check_body, sanitised_body
from shared.domain.edocs.repository import (
    AuditRepository,
    DocumentRepository,
    SignerRepository,
    TemplateRepository,
)
from shared.models.edocs_audit_event import AuditAction, EdocsAuditEvent
from shared.models.edocs_document import EdocsDocument, LineItem
from shared.models.edocs_template import EdocsTemplate
from shared.utilities.auth import Principal
from shared.utilities.errors import NotFound
from shared.utilities.pagination import Page, PageParams
from shared.utilities.storage import FileStorage


def templates(principal: Principal) -> TemplateRepository:
    return TemplateRepository(principal.account_id)


async def create_template(principal: Principal, body: TemplateCreate) -> EdocsTemplate:
    stored_body = sanitised_body(body.body)
    check_body(stored_body)
    return await templates(principal).create(
        name=body.name, body=stored_body, is_proposal=body.is_proposal
    )


async def list_templates(principal: Principal, params: PageParams) -> Page[EdocsTemplate]:
    return await templates(principal).paginate(params)


async def get_template(principal: Principal, template_id: str) -> EdocsTemplate:
    return await templates(principal).get(template_id)


async def update_template(
    principal: Principal, template_id: str, body: TemplateUpdate
) -> EdocsTemplate:
    """Only the fields sent change; documents made from it keep the content they have."""
    template = await get_template(principal, template_id)
    if body.body is not None:
        template.body = sanitised_body(body.body)
        check_body(template.body)
    if body.name is not None:
        template.name = body.name
    if body.is_proposal is not None:
        template.is_proposal = body.is_proposal
    await template.save()
    return template


async def delete_template(principal: Principal, template_id: str) -> None:
    await templates(principal).delete(template_id)


async def create_document(
    principal: Principal, body: DocumentCreate, client: Client
) -> Extended[EdocsDocument]:
    """A draft for the contact (and the deal), its content rendered for review, its signers
    waiting in the order given."""
    template = await get_template(principal, str(body.template_id))
    account_id = PydanticObjectId(principal.account_id)
    contact = await ContactRepository(account_id).find_one(
        {"_id": body.contact_id, "deleted_at": None}
    )
    if contact is None:
        raise NotFound(f"Contact {body.contact_id} does not exist.")
    deal = await DealRepository(account_id).get(body.deal_id) if body.deal_id else None
    document = EdocsDocument(
        account_id=account_id,
        title=body.title,
        template_id=template.id,
        contact_id=contact.id,
        deal_id=deal.id if deal else None,
        is_proposal=template.is_proposal,
        line_items=[LineItem(**item.model_dump()) for item in body.line_items],
        currency=body.currency or (deal.currency if deal else "USD"),
    )
    document.content = await rendered_content(document)
    await document.insert()
    signers = SignerRepository(account_id)
    for order, signer in enumerate(body.signers, start=1):
        await signers.create(
            document_id=document.id,
            order=order,
            name=signer.name,
            email=signer.email,
            link_nonce=new_link_nonce(),
        )
    await record(
        document,
        AuditAction.CREATED,
        actor=await user_actor(principal.sub),
        user_id=principal.sub,
        client=client,
    )
    return await with_signers(document)


async def list_documents(principal: Principal, params: PageParams) -> Page[Extended[EdocsDocument]]:
    page = await DocumentRepository(principal.account_id).paginate(params)
    ids = [document.id for document in page.data if document.id]
    signers = await SignerRepository(principal.account_id).of_documents(ids)
    return Page[Extended[EdocsDocument]](
        data=[Extended(document, signers=signers[document.id]) for document in page.data],
        pagination=page.pagination,
    )


async def get_document(principal: Principal, document_id: str) -> EdocsDocument:
    return await DocumentRepository(principal.account_id).get(document_id)


async def read_document(principal: Principal, document_id: str) -> Extended[EdocsDocument]:
    return await with_signers(await get_document(principal, document_id))


async def send_document(
    principal: Principal,
    document_id: str,
    body: DocumentSend,
    client: Client,
    settings: InternalApiSettings,
) -> Extended[EdocsDocument]:
    document = await get_document(principal, document_id)
    sent = await sending.send(
        document,
        user_id=principal.sub,
        actor=await user_actor(principal.sub),
        client=client,
        link_key=link_key(settings),
        expires_at=in_utc(body.expires_at, body.time_zone) if body.expires_at else None,
        time_zone=body.time_zone,
        default_expiry=timedelta(days=settings.edocs_expiry_days),
    )
    return await with_signers(sent)


async def void_document(
    principal: Principal, document_id: str, body: DocumentVoid, client: Client
) -> Extended[EdocsDocument]:
    document = await get_document(principal, document_id)
    voided = await voiding.void(
        document,
        reason=body.reason,
        user_id=principal.sub,
        actor=await user_actor(principal.sub),
        client=client,
    )
    return await with_signers(voided)


async def delete_document(principal: Principal, document_id: str) -> None:
    """Only a draft: a sent document is the record of what was signed."""
    document = await get_document(principal, document_id)
    if document.content_sha256 is not None:
        raise DocumentNotDraft()
    await SignerRepository(principal.account_id).delete_of_document(document.id)
    await document.delete()


async def audit_trail(principal: Principal, document_id: str) -> list[EdocsAuditEvent]:
    document = await get_document(principal, document_id)
    return await AuditRepository(principal.account_id).trail(document.id)


async def final_pdf(principal: Principal, document_id: str, storage: FileStorage) -> bytes:
    return await stored_pdf(await get_document(principal, document_id), storage)


async def with_signers(document: EdocsDocument) -> Extended[EdocsDocument]:
    signers = await SignerRepository(document.account_id).of_document(document.id)
    return Extended(document, signers=signers)


def in_utc(moment: datetime, time_zone: str) -> datetime:
    """A moment meant in `time_zone` (a time without an offset is read there), in UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(time_zone))
    return moment.astimezone(ZoneInfo("UTC"))
