"""The platform's own programme: a referred agency's platform invoice (the fee the platform
bills it, charged in the platform's Stripe account) accrues the platform programme's
commission once per `invoice.paid` event, and a refund Stripe reports reverses it once, both
through billing's one paid / refunded path and the affiliates' tasks."""

from datetime import timedelta

import pytest

from queue_manager.integrations.stripe import handle
from queue_manager.queues.affiliates import accrue, reverse
from shared.domain.billing.events import invoice_paid
from shared.domain.billing.invoicing import Billed, make_invoice
from shared.models.affiliate_commission import AffiliateCommission
from shared.models.affiliate_referral import AffiliateReferral
from shared.models.base import utc_now
from shared.models.billing_invoice import InvoiceLine, Seller
from shared.utilities.task_names import AFFILIATES_INVOICE_PAID, AFFILIATES_INVOICE_REFUNDED
from tests.factories import create_account
from tests.reputation_factories import create_affiliate, create_programme
from tests.shared.domain.held import holding

FEE = 5_000


@pytest.fixture
async def referred_agency(mongo):
    """An agency referred by an affiliate of the platform's programme (20%)."""
    platform, agency = await create_account(name="Platform"), await create_account()
    programme = await create_programme(platform.id, commission_basis_points=2000)
    affiliate = await create_affiliate(programme)
    await AffiliateReferral(
        account_id=platform.id,
        affiliate_id=affiliate.id,
        referred_account_id=agency.id,
        visit_id=affiliate.id,
        attributed_by="first",
        earns_until=utc_now() + timedelta(days=365),
    ).insert()
    return platform, affiliate, agency


async def platform_invoice(agency):
    billed = Billed(agency.id, agency.id, "test", None, Seller.PLATFORM)
    line = InvoiceLine(description="Platform fee: 1 active sub-account", amount=FEE)
    return await make_invoice(billed, [line], "USD", utc_now(), number="PLT-202612")


async def queued(name: str, work) -> list[dict]:
    """The arguments of the `name` jobs `work` asks for."""
    async with holding() as outbox:
        await work()
        return [job.kwargs for job in outbox.jobs if job.name == name]


def refund_event(reference: str, amount: int) -> dict:
    """Stripe's `refund.created` from the platform's own account (no connected account)."""
    refund = {
        "id": "re_1",
        "object": "refund",
        "amount": amount,
        "currency": "usd",
        "payment_intent": reference,
        "status": "succeeded",
        "created": int(utc_now().timestamp()),
        "metadata": {},
    }
    return {"type": "refund.created", "data": {"object": refund, "stripe_account_id": None}}


async def entries_of(invoice) -> list[AffiliateCommission]:
    return await AffiliateCommission.find({"invoice_id": str(invoice.id)}).to_list()


async def test_a_referred_agencys_paid_platform_invoice_accrues_once_per_event(referred_agency):
    platform, affiliate, agency = referred_agency
    invoice = await platform_invoice(agency)

    [arguments] = await queued(
        AFFILIATES_INVOICE_PAID.name, lambda: invoice_paid(invoice, reference="pi_1")
    )
    await accrue(**arguments)
    await accrue(**arguments)  # the task run twice

    [entry] = await entries_of(invoice)
    assert (entry.account_id, entry.affiliate_id, entry.referred_account_id) == (
        platform.id,
        affiliate.id,
        agency.id,
    )
    assert (entry.amount, entry.currency, entry.event_id) == (1000, "USD", arguments["event_id"])


async def test_a_refund_stripe_reports_on_the_platform_invoice_reverses_it(referred_agency):
    _, _, agency = referred_agency
    invoice = await platform_invoice(agency)
    [paid] = await queued(
        AFFILIATES_INVOICE_PAID.name, lambda: invoice_paid(invoice, reference="pi_1")
    )
    await accrue(**paid)

    [refunded] = await queued(
        AFFILIATES_INVOICE_REFUNDED.name, lambda: handle(refund_event("pi_1", FEE // 2))
    )
    await reverse(**refunded)
    await reverse(**refunded)

    entries = await entries_of(invoice)
    assert sorted(entry.amount for entry in entries) == [-500, 1000]
