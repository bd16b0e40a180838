"""Factories of e-documents: a template, a draft for a contact with its signers, and a draft
sent (through the domain, inside the caller's outbox)."""

from datetime import datetime, timedelta

from shared.domain.edocs import sending
from shared.domain.edocs.audit import Client
from shared.domain.edocs.links import link_key, new_link_nonce, signing_token
from shared.domain.edocs.merging import sanitised_body
from shared.domain.edocs.repository import SignerRepository
from shared.domain.edocs.settings import EdocsSettings
from shared.models.account import Account
from shared.models.contact import Contact
from shared.models.deal import Deal
from shared.models.edocs_document import EdocsDocument, LineItem
from shared.models.edocs_signer import EdocsSigner
from shared.models.edocs_template import EdocsTemplate

BODY = (
    "<h1>{{ document.title }}</h1><p>For {{ contact.name }} of {{ account.name }}, "
    "{{ deal.value }}.</p>{{ line_items }}<p>Total: {{ total }}</p>"
)
KEY = link_key(EdocsSettings())
SIGNERS = (("Ada Lovelace", "ada@example.com"), ("Grace Hopper", "grace@example.com"))
# A one-pixel PNG, as a signature pad sends it.
PNG = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhf"
    "DwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
CLIENT = Client(ip="203.0.113.7", user_agent="Mozilla/5.0 (signer)")


async def create_template(account: Account, **overrides) -> EdocsTemplate:
    fields = {"account_id": account.id, "name": "Proposal", "body": sanitised_body(BODY)}
    return await EdocsTemplate(**{**fields, **overrides}).insert()


async def create_draft(
    account: Account,
    contact: Contact,
    *,
    deal: Deal | None = None,
    template: EdocsTemplate | None = None,
    signers: tuple[tuple[str, str], ...] = SIGNERS,
    **overrides,
) -> EdocsDocument:
    template = template or await create_template(account)
    fields = {
        "account_id": account.id,
        "title": "Website proposal",
        "template_id": template.id,
        "contact_id": contact.id,
        "deal_id": deal.id if deal else None,
        "is_proposal": template.is_proposal,
        "line_items": [LineItem(name="Design", quantity=2, unit_price=150_000)],
        "currency": "USD",
    }
    document = await EdocsDocument(**{**fields, **overrides}).insert()
    for order, (name, email) in enumerate(signers, start=1):
        await EdocsSigner(
            account_id=account.id,
            document_id=document.id,
            order=order,
            name=name,
            email=email,
            link_nonce=new_link_nonce(),
        ).insert()
    return document


async def send_draft(document: EdocsDocument, expires_at: datetime | None = None) -> EdocsDocument:
    return await sending.send(
        document,
        user_id=document.account_id,
        actor="Owner <owner@example.com>",
        client=CLIENT,
        link_key=KEY,
        expires_at=expires_at,
        time_zone="Europe/Paris",
        default_expiry=timedelta(days=30),
    )


async def signers_of(document: EdocsDocument) -> list[EdocsSigner]:
    return await SignerRepository(document.account_id).of_document(document.id)


async def tokens_of(document: EdocsDocument) -> list[str]:
    """Each signer's signing link token, in order."""
    return [signing_token(KEY, signer) for signer in await signers_of(document)]
