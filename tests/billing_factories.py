"""Billing's factories: an agency's products and prices, coupons and tax rates, a sub-account
with a saved test card, and a plan subscribed the way the billing API subscribes one."""

from datetime import datetime

from shared.domain.billing.subscriptions import Terms, subscribe
from shared.domain.payments.customers import ensure_customer, save_card
from shared.domain.payments.local_provider import TestPaymentProvider
from shared.models.account import Account
from shared.models.billing_coupon import BillingCoupon
from shared.models.billing_plan import BillingPlan
from shared.models.billing_price import BillingPrice, Interval, PriceKind
from shared.models.billing_product import BillingProduct
from shared.models.billing_tax_rate import BillingTaxRate
from shared.models.payment_customer import PaymentCustomer
from tests.factories import create_account, create_sub_account


async def create_price(agency: Account, **overrides) -> BillingPrice:
    """A monthly plan of 30.00 USD unless overridden."""
    product = await BillingProduct(account_id=agency.id, name="Pro").insert()
    fields = {
        "account_id": agency.id,
        "product_id": product.id,
        "kind": PriceKind.RECURRING,
        "unit_amount": 3000,
        "currency": "USD",
        "interval": Interval.MONTH,
    }
    return await BillingPrice(**{**fields, **overrides}).insert()


async def create_coupon(agency: Account, **overrides) -> BillingCoupon:
    fields = {"account_id": agency.id, "name": "Launch", "percent_off_basis_points": 5000}
    return await BillingCoupon(**{**fields, **overrides}).insert()


async def create_tax_rate(agency: Account, **overrides) -> BillingTaxRate:
    fields = {"account_id": agency.id, "name": "VAT", "basis_points": 2000}
    return await BillingTaxRate(**{**fields, **overrides}).insert()


async def create_payer(
    provider: TestPaymentProvider,
    agency: Account | None = None,
    card: str | None = "pm_card_visa",
) -> tuple[Account, Account, PaymentCustomer | None]:
    """An agency, its sub-account and the sub-account as a customer with `card` saved."""
    agency = agency or await create_account()
    sub_account = await create_sub_account(agency)
    if card is None:
        return agency, sub_account, None
    customer = await ensure_customer(provider, sub_account, "owner@client.example")
    await save_card(provider, customer, card)
    return agency, sub_account, customer


async def create_plan(
    provider: TestPaymentProvider,
    agency: Account,
    sub_account: Account,
    now: datetime,
    price: BillingPrice | None = None,
    **terms,
) -> BillingPlan:
    price = price or await create_price(agency)
    return await subscribe(agency, sub_account, Terms(price, **terms), provider.name, None, now)
