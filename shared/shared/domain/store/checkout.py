"""A consumer's purchase through a sub-account's public checkout link: a pending purchase and
a Stripe Checkout session for it (in the agency's connected account; the test provider in
embedded mode pays it at once), keyed by the purchase. What it lands as is `purchases`, run
when the provider tells the checkout is completed."""

import secrets
from dataclasses import dataclass

from beanie import PydanticObjectId

from shared.domain.billing.repository import connected_account_of
from shared.domain.payments.provider import CheckoutLine, CheckoutSession, PaymentProvider
from shared.domain.store import repository
from shared.domain.store.errors import OfferClosed
from shared.models.consumer_purchase import ConsumerPurchase


@dataclass(frozen=True)
class CheckoutOrigin:
    """The hosted funnel's step a checkout was started from."""

    funnel_id: PydanticObjectId
    step_id: PydanticObjectId

    @classmethod
    def of(cls, funnel_id: str | None, step_id: str | None) -> "CheckoutOrigin | None":
        if funnel_id is None or step_id is None:
            return None
        return cls(PydanticObjectId(funnel_id), PydanticObjectId(step_id))


def new_token() -> str:
    return secrets.token_urlsafe(24)


async def start_checkout(
    provider: PaymentProvider,
    token: str,
    email: str,
    name: str,
    origin: CheckoutOrigin | None = None,
) -> tuple[ConsumerPurchase, CheckoutSession]:
    offer = await repository.offer_by_token(token)
    if offer is None:
        raise OfferClosed()
    seller = await repository.account_of(offer.account_id)
    connected = await connected_account_of(seller.agency_id) if seller else None
    purchase = ConsumerPurchase(
        account_id=offer.account_id,
        offer_id=offer.id,
        amount=offer.amount,
        currency=offer.currency,
        email=email,
        name=name,
        provider=provider.name,
        connected_account=connected,
        funnel_id=origin.funnel_id if origin else None,
        step_id=origin.step_id if origin else None,
    )
    await purchase.insert()
    session = await provider.create_checkout_session(
        [CheckoutLine(offer.name, offer.amount, offer.currency)],
        offer.success_url,
        offer.cancel_url,
        idempotency_key=f"consumer-purchase:{purchase.id}",
        connected_account=connected,
        metadata={"consumer_purchase_id": str(purchase.id)},
        customer_email=email,
    )
    await repository.set_purchase(purchase, {"checkout_session_id": session.id})
    return purchase, session
