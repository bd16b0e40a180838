"""A document's content, rendered from its template with the merge fields of its contact, its
deal (when it has one), its account and itself: at creation for a draft, and again when it is
sent, just before its content is frozen."""

from typing import Any

from shared.domain.accounts import repository as accounts
from shared.domain.contacts.repository import ContactRepository
from shared.domain.deals.repository import DealRepository
from shared.domain.edocs.merging import Namespace, line_items_table, money, render
from shared.domain.edocs.repository import TemplateRepository
from shared.models.contact import Contact
from shared.models.deal import Deal
from shared.models.edocs_document import EdocsDocument
from shared.utilities.errors import NotFound


async def rendered_content(document: EdocsDocument) -> str:
    """The document's content from its template, filled with what its records hold now
    (NotFound when its template, contact or deal is gone; UnknownMergeFields, InvalidTemplate)."""
    template = await TemplateRepository(document.account_id).get(document.template_id)
    contact = await ContactRepository(document.account_id).find_one(
        {"_id": document.contact_id, "deleted_at": None}
    )
    if contact is None:
        raise NotFound(f"Contact {document.contact_id} does not exist.")
    deal = None
    if document.deal_id:
        deal = await DealRepository(document.account_id).get(document.deal_id)
    return render(template.body, await merge_fields(document, contact, deal))


async def merge_fields(
    document: EdocsDocument, contact: Contact, deal: Deal | None
) -> dict[str, Any]:
    account = await accounts.account(document.account_id)
    return {
        "contact": Namespace(
            "contact",
            {
                "name": contact.display_name,
                "first_name": contact.first_name or "",
                "last_name": contact.last_name or "",
                "email": contact.emails[0] if contact.emails else "",
                "phone": contact.phones[0] if contact.phones else "",
                "company": contact.company_name or contact.name or "",
            },
        ),
        "deal": Namespace(
            "deal",
            {
                "title": deal.title if deal else "",
                "value": money(deal.value, deal.currency) if deal else "",
                "currency": deal.currency if deal else "",
            },
        ),
        "account": Namespace("account", {"name": account.name if account else ""}),
        "document": Namespace("document", {"title": document.title}),
        "line_items": line_items_table(document.line_items, document.currency),
        "total": money(sum(item.total for item in document.line_items), document.currency),
    }
