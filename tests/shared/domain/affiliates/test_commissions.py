"""Commissions: accrued on a referred account's paid invoice once per event, a percentage or a
fixed amount while the referral earns, reversed in proportion on a refund; payouts batched over
the programme's minimum."""

from datetime import UTC, datetime, timedelta

import pytest
from beanie import PydanticObjectId

from shared.domain.affiliates.commissions import (
    PaidInvoice,
    RefundedInvoice,
    accrue_for_invoice,
    reverse_for_refund,
)
from shared.domain.affiliates.payouts import batch_programme, mark_failed
from shared.models.affiliate_commission import AffiliateCommission, EntryKind
from shared.models.affiliate_programme import CommissionKind
from shared.models.affiliate_referral import AffiliateReferral
from tests.reputation_factories import create_affiliate, create_programme

PAID_AT = datetime(2024, 5, 1, tzinfo=UTC)
pytestmark = pytest.mark.usefixtures("mongo")


async def referred(**programme_fields):
    agency = PydanticObjectId()
    programme = await create_programme(agency, **programme_fields)
    affiliate = await create_affiliate(programme)
    client = PydanticObjectId()
    await AffiliateReferral(
        account_id=agency,
        affiliate_id=affiliate.id,
        referred_account_id=client,
        visit_id=PydanticObjectId(),
        attributed_by="last",
        earns_until=PAID_AT + timedelta(days=180),
    ).insert()
    return programme, affiliate, client


def paid(client, event_id="evt_1", amount=10_000, currency="USD", at=PAID_AT) -> PaidInvoice:
    return PaidInvoice(event_id, "in_1", client, amount, currency, at)


async def test_a_paid_invoice_accrues_its_percentage_once_per_event():
    _, affiliate, client = await referred(commission_basis_points=2000)

    entry = await accrue_for_invoice(paid(client))
    again = await accrue_for_invoice(paid(client))

    assert (entry.amount, entry.currency, entry.invoice_id, entry.affiliate_id) == (
        2000,
        "USD",
        "in_1",
        affiliate.id,
    )
    assert again.id == entry.id
    assert await AffiliateCommission.find_all().count() == 1


async def test_a_fixed_commission_is_paid_in_the_programmes_currency_only():
    _, _, client = await referred(
        commission_kind=CommissionKind.FIXED, commission_amount=1500, currency="EUR"
    )

    in_euros = await accrue_for_invoice(paid(client, "evt_1", currency="EUR"))
    in_dollars = await accrue_for_invoice(paid(client, "evt_2", currency="USD"))

    assert in_euros.amount == 1500
    assert in_dollars is None


async def test_an_invoice_paid_after_the_recurring_months_earns_nothing():
    _, _, client = await referred()

    late = await accrue_for_invoice(paid(client, at=PAID_AT + timedelta(days=181)))

    assert late is None
    assert await AffiliateCommission.find_all().count() == 0


async def test_a_refund_reverses_the_commission_in_proportion_and_never_more_than_is_left():
    _, _, client = await referred(commission_basis_points=2000)
    await accrue_for_invoice(paid(client))

    half = await reverse_for_refund(
        RefundedInvoice("evt_r1", "in_1", client, "re_1", 5000, "USD", PAID_AT)
    )
    rest = await reverse_for_refund(
        RefundedInvoice("evt_r2", "in_1", client, "re_2", 10_000, "USD", PAID_AT)
    )
    beyond = await reverse_for_refund(
        RefundedInvoice("evt_r3", "in_1", client, "re_3", 10_000, "USD", PAID_AT)
    )

    assert (half.kind, half.amount, half.invoice_id) == (EntryKind.REVERSAL, -1000, "in_1")
    assert rest.amount == -1000
    assert beyond is None
    entries = await AffiliateCommission.find_all().to_list()
    assert sum(entry.amount for entry in entries) == 0


async def test_balances_at_the_minimum_are_batched_once_and_a_failed_payout_frees_them():
    programme, affiliate, client = await referred(commission_basis_points=5000, min_payout=5000)
    await accrue_for_invoice(paid(client, "evt_1", amount=6000))
    assert await batch_programme(programme) == []  # 3000 is under the minimum
    await accrue_for_invoice(paid(client, "evt_2", amount=6000))

    (payout,) = await batch_programme(programme)
    assert await batch_programme(programme) == []
    await mark_failed(payout, "Tipalti: FAILED")
    (again,) = await batch_programme(programme)

    assert (payout.amount, payout.currency, payout.affiliate_id) == (6000, "USD", affiliate.id)
    assert again.amount == 6000 and again.id != payout.id
