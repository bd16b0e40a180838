"""The one place a consumer purchase's invoice is made: a paid `ConsumerInvoice` of the
sub-account to its contact, once per purchase. (Billing's invoices are between accounts; were
they to take contacts as customers, this is the function to point at them.)"""

import secrets
from datetime import datetime

from shared.domain.store import repository
from shared.models.consumer_invoice import ConsumerInvoice, ConsumerInvoiceLine
from shared.models.consumer_offer import ConsumerOffer
from shared.models.consumer_purchase import ConsumerPurchase
from shared.models.contact import Contact


async def invoice_purchase(
    purchase: ConsumerPurchase,
    offer: ConsumerOffer,
    contact: Contact,
    reference: str | None,
    at: datetime,
) -> ConsumerInvoice:
    assert purchase.id is not None and contact.id is not None
    invoice = ConsumerInvoice(
        account_id=purchase.account_id,
        purchase_id=purchase.id,
        contact_id=contact.id,
        number=f"CI-{at:%Y%m}-{secrets.token_hex(4).upper()}",
        currency=purchase.currency,
        lines=[ConsumerInvoiceLine(description=offer.name, amount=purchase.amount)],
        total=purchase.amount,
        paid_at=at,
        payment_reference=reference,
    )
    return await repository.insert_invoice(invoice)
