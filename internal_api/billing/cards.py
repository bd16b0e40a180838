"""The caller's account's card for what it is billed: a sub-account's in its agency's connected
Stripe account, an agency's in the platform's own. Saved by SetupIntent (the dashboard
confirms it with Stripe.js, so the card goes to Stripe alone; Stripe's `setup_intent.succeeded`
makes it the default), or attached by its id (a card Stripe.js made; in embedded mode the test
provider's `pm_card_visa` or `pm_card_chargeDeclined`)."""

import uuid

from internal_api.billing.schemas import PaymentMethodRead, SetupIntentRead
from internal_api.billing.service import biller_for
from shared.domain.billing import repository as billing
from shared.domain.payments.customers import ensure_customer, remove_card, save_card
from shared.domain.payments.provider import PaymentProvider
from shared.models.account import Account
from shared.models.payment_customer import PaymentCustomer
from shared.utilities.auth import Principal
from shared.utilities.errors import NotFound


async def account_of(principal: Principal) -> Account:
    account = await billing.account(principal.account_id)
    if account is None:
        raise NotFound("The account does not exist.")
    return account


async def customer_of(provider: PaymentProvider, principal: Principal) -> PaymentCustomer:
    """The caller's account as a customer of whoever bills it, made on first use."""
    account = await account_of(principal)
    connected = await biller_for(provider, account.parent_id) if account.parent_id else None
    owner = await billing.owner_of(account.id)
    return await ensure_customer(provider, account, owner.email if owner else None, connected)


async def start_setup(provider: PaymentProvider, principal: Principal) -> SetupIntentRead:
    customer = await customer_of(provider, principal)
    connected = customer.connected_account or None
    # Each request is a new card being saved: its own key.
    key = f"setup:{customer.customer_id}:{uuid.uuid4().hex}"
    intent = await provider.create_setup_intent(customer.customer_id, key, connected)
    return SetupIntentRead(
        id=intent.id,
        client_secret=intent.client_secret,
        provider=provider.name,
        connected_account=connected,
    )


async def list_cards(provider: PaymentProvider, principal: Principal) -> list[PaymentMethodRead]:
    customer = await customer_of(provider, principal)
    methods = await provider.list_payment_methods(
        customer.customer_id, customer.connected_account or None
    )
    return [
        PaymentMethodRead(**method.__dict__, default=method.id == customer.default_payment_method)
        for method in methods
    ]


async def attach_card(
    provider: PaymentProvider, principal: Principal, payment_method: str
) -> PaymentMethodRead:
    customer = await customer_of(provider, principal)
    card = await save_card(provider, customer, payment_method)
    return PaymentMethodRead(**card.__dict__, default=True)


async def detach_card(provider: PaymentProvider, principal: Principal, payment_method: str) -> None:
    customer = await customer_of(provider, principal)
    methods = await provider.list_payment_methods(
        customer.customer_id, customer.connected_account or None
    )
    if payment_method not in {method.id for method in methods}:
        raise NotFound(f"Payment method {payment_method} does not exist.")
    await remove_card(provider, customer, payment_method)
