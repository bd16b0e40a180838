"""QM_BILLING_CONTACTS: the sub-account that paid an invoice recorded as a contact of its
agency (found by its owner's email, or made), tagged `customer`, through the contact write
path, so the agency's CRM, automations and webhooks see its paying clients."""

from typing import Any

from beanie import PydanticObjectId

from shared.domain.billing import repository
from shared.domain.contacts.callers import contact_for, names_of
from shared.domain.contacts.errors import Unreachable
from shared.domain.contacts.writing import platform_author
from shared.models.billing_invoice import Seller
from shared.utilities.settings import ServiceSettings

SOURCE = "billing"
TAG = "customer"


async def record_payer(invoice_id: str, settings: ServiceSettings) -> dict[str, Any]:
    invoice = await repository.invoice(PydanticObjectId(invoice_id))
    if invoice is None or invoice.seller is not Seller.AGENCY:
        return {"skipped": "no invoice of an agency to a sub-account"}
    payer = await repository.account(invoice.customer_account_id)
    owner = await repository.owner_of(invoice.customer_account_id)
    if payer is None or owner is None:
        return {"skipped": "the sub-account has no owner to reach"}
    author = await platform_author(invoice.account_id, settings)
    try:
        contact, created = await contact_for(
            author,
            SOURCE,
            email=owner.email,
            **names_of(owner.name),
            tag=TAG,
            more={"company_name": payer.name},
            announce=False,
        )
    except Unreachable:
        return {"skipped": "the owner's email cannot be read"}
    return {"contact_id": str(contact.id), "created": created}
