"""A consumer's checkout completed (`checkout.session.completed`, from Stripe's webhook or the
test provider, handed on by the queue manager): its purchase paid, and landing as a contact of
the sub-account (the contact write path, tagged `customer`), a deal won (the deals write path,
on the offer's stage) and the purchase's invoice. The event is believed only for its purchase's
amount, currency and Stripe account; a replay finds the purchase paid and changes nothing."""

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from beanie import PydanticObjectId
from bson.errors import InvalidId

from shared.domain.contacts.callers import contact_for, names_of
from shared.domain.contacts.writing import platform_author
from shared.domain.deals.writing import open_deal, win_deal
from shared.domain.funnels.conversions import count_purchase
from shared.domain.store import repository
from shared.domain.store.invoices import invoice_purchase
from shared.models.consumer_offer import ConsumerOffer
from shared.models.consumer_purchase import ConsumerPurchase, PurchaseStatus
from shared.models.contact import Contact
from shared.models.deal import Deal
from shared.utilities.settings import ServiceSettings

SOURCE = "store"
TAG = "customer"
IGNORED = {"skipped": "not a consumer purchase"}


async def checkout_completed(data: dict[str, Any], _retry_days: Sequence[int]) -> dict[str, Any]:
    session = data["object"]
    purchase = await purchase_of(session)
    if purchase is None:
        return IGNORED
    if purchase.status is PurchaseStatus.PAID:
        return {"skipped": "paid before"}
    if not matches(purchase, session, data.get("stripe_account_id")):
        return {"skipped": "the checkout does not match its purchase"}
    offer = await repository.offer_by_id(purchase.offer_id)
    assert offer is not None, "a purchase's offer is kept"
    at = datetime.fromtimestamp(data.get("created") or session["created"], UTC)
    await land(purchase, offer, session.get("payment_intent"), at)
    return {"purchase_id": str(purchase.id), "paid": True}


async def purchase_of(session: dict[str, Any]) -> ConsumerPurchase | None:
    purchase_id = (session.get("metadata") or {}).get("consumer_purchase_id")
    try:
        oid = PydanticObjectId(purchase_id)
    except (InvalidId, TypeError):
        return None
    return await repository.purchase_by_id(oid)


def matches(purchase: ConsumerPurchase, session: dict[str, Any], connected: str | None) -> bool:
    return (
        session.get("payment_status") == "paid"
        and session.get("amount_total") == purchase.amount
        and (session.get("currency") or "").upper() == purchase.currency
        and (connected or None) == purchase.connected_account
    )


async def land(
    purchase: ConsumerPurchase, offer: ConsumerOffer, reference: str | None, at: datetime
) -> None:
    """Each step keeps what it made on the purchase, so a try after a failure goes on from
    where the last one stopped."""
    contact = await buyer_contact(purchase)
    deal_id = purchase.deal_id or await won_deal(purchase, offer, contact)
    await repository.set_purchase(purchase, {"contact_id": contact.id, "deal_id": deal_id})
    invoice = await invoice_purchase(purchase, offer, contact, reference, at)
    paid = await repository.mark_purchase_paid(
        purchase, {"payment_reference": reference, "paid_at": at, "invoice_id": invoice.id}
    )
    if paid and purchase.funnel_id and purchase.step_id:
        await count_purchase(purchase.account_id, purchase.funnel_id, purchase.step_id)


async def buyer_contact(purchase: ConsumerPurchase) -> Contact:
    author = await platform_author(purchase.account_id, ServiceSettings())
    contact, _ = await contact_for(
        author, SOURCE, email=purchase.email, **names_of(purchase.name), tag=TAG
    )
    return contact


async def won_deal(
    purchase: ConsumerPurchase, offer: ConsumerOffer, contact: Contact
) -> PydanticObjectId:
    deal = Deal(
        account_id=purchase.account_id,
        title=offer.name,
        pipeline_id=offer.pipeline_id,
        stage_id=offer.stage_id,
        position=0,
        contact_ids=[contact.id],
        value=purchase.amount,
        currency=purchase.currency,
    )
    await open_deal(deal, actor_id=None)
    await repository.set_purchase(purchase, {"deal_id": deal.id})
    await win_deal(deal, actor_id=None)
    assert deal.id is not None
    return deal.id


HANDLERS = {"checkout.session.completed": checkout_completed}
