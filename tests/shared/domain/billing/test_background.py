"""Billing's other background work: the platform's monthly fee per sub-account invoiced once a
month, a paying sub-account recorded as its agency's contact, new Stripe connections checked,
and agencies' domains registered for Apple Pay once."""

from datetime import UTC, datetime

from shared.domain.billing.connections import check_new_connections
from shared.domain.billing.contacts import record_payer
from shared.domain.billing.domains import register_domains
from shared.domain.billing.platform_fee import invoice_platform_fees
from shared.models.account import Branding
from shared.models.billing_connection import BillingConnection
from shared.models.billing_invoice import BillingInvoice, Seller
from shared.models.contact import Contact
from shared.models.membership import Role
from shared.models.payment_domain import PaymentDomain
from shared.models.stripe_token import StripeToken
from shared.utilities.settings import ServiceSettings
from tests.billing_factories import create_payer, create_plan
from tests.factories import create_account, create_membership, create_sub_account, create_user
from tests.shared.domain.billing.conftest import queued

NOW = datetime(2026, 3, 14, tzinfo=UTC)


async def test_the_platform_fee_is_invoiced_once_a_month_per_active_sub_account(local, outbox):
    agency = await create_account()
    for _ in range(3):
        await create_sub_account(agency)

    first = await invoice_platform_fees(1500, "USD", local.name, NOW, 100)
    again = await invoice_platform_fees(1500, "USD", local.name, NOW, 100)

    [invoice] = await BillingInvoice.find({"account_id": agency.id}).to_list()
    assert (first, again) == (1, 0)
    assert (invoice.seller, invoice.number, invoice.total) == (Seller.PLATFORM, "PLT-202603", 4500)
    assert queued(outbox, "subscription_charge_mainaccount.charge_invoice") == [
        f"invoice:{invoice.id}:attempt:1"
    ]


async def test_no_fee_set_invoices_nobody(local, outbox):
    await create_sub_account(await create_account())

    assert await invoice_platform_fees(0, "USD", local.name, NOW, 100) == 0
    assert await BillingInvoice.find_all().count() == 0


async def test_a_paying_sub_account_becomes_a_customer_contact_of_its_agency(local, outbox):
    agency, sub_account, _ = await create_payer(local)
    owner = await create_user(email="dana@acme.example", name="Dana Scully")
    await create_membership(sub_account, owner, Role.OWNER)
    plan = await create_plan(local, agency, sub_account, NOW)
    invoice = await BillingInvoice.find_one({"plan_id": plan.id})

    await record_payer(str(invoice.id), ServiceSettings())
    await record_payer(str(invoice.id), ServiceSettings())

    [contact] = await Contact.find({"account_id": agency.id}).to_list()
    assert contact.emails == ["dana@acme.example"]
    assert "customer" in contact.tags


async def test_a_new_stripe_connection_is_checked_once(local):
    agency = await create_account()
    await StripeToken(account_id=agency.id, access_token="sealed", external_id="acct_1").insert()

    checked = await check_new_connections(local, NOW, 100)
    again = await check_new_connections(local, NOW, 100)

    [connection] = await BillingConnection.find_all().to_list()
    assert (checked, again) == (1, 0)
    assert (connection.connected_account, connection.charges_enabled) == ("acct_1", True)


async def test_an_agencys_domain_is_registered_for_apple_pay_once(local):
    agency = await create_account(branding=Branding(custom_domain="pay.agency.example"))

    first = await register_domains(local, NOW, 100)
    again = await register_domains(local, NOW, 100)

    [domain] = await PaymentDomain.find({"account_id": agency.id}).to_list()
    assert (first, again) == (1, 0)
    assert (domain.domain, domain.apple_pay_status) == ("pay.agency.example", "active")
