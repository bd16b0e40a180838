"""Commissions on a referred account's invoices: the only inputs are `PaidInvoice` and
`RefundedInvoice` (what billing's invoice_paid and invoice_refunded hand the
`affiliates.invoice_paid` / `affiliates.invoice_refunded` tasks). Each writes at most one
ledger entry, keyed by the triggering event's id, so a task run twice writes nothing more.

An invoice earns while its referral does (`earns_until`, the programme's recurring months):
a percentage of its amount (basis points, rounded down) in the invoice's currency, or the
programme's fixed amount when the invoice is in the programme's currency. A refund reverses
the invoice's commission in proportion to what was refunded, never more than is left."""

from dataclasses import dataclass
from datetime import datetime

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.models.affiliate_commission import AffiliateCommission, EntryKind
from shared.models.affiliate_programme import AffiliateProgramme, CommissionKind
from shared.models.affiliate_referral import AffiliateReferral


@dataclass(frozen=True)
class PaidInvoice:
    event_id: str
    invoice_id: str
    account_id: PydanticObjectId  # the paying account
    amount: int  # minor units
    currency: str
    paid_at: datetime


@dataclass(frozen=True)
class RefundedInvoice:
    event_id: str
    invoice_id: str
    account_id: PydanticObjectId
    refund_id: str
    amount: int  # refunded, minor units
    currency: str
    refunded_at: datetime


def commission_on(programme: AffiliateProgramme, amount: int, currency: str) -> int:
    if programme.commission_kind is CommissionKind.PERCENTAGE:
        return amount * programme.commission_basis_points // 10_000
    return programme.commission_amount if currency == programme.currency else 0


async def accrue_for_invoice(invoice: PaidInvoice) -> AffiliateCommission | None:
    """The invoice's commission entry, or None when it earns nothing."""
    referral = await AffiliateReferral.find_one({"referred_account_id": invoice.account_id})
    if referral is None or invoice.paid_at > referral.earns_until:
        return None
    programme = await AffiliateProgramme.find_one({"account_id": referral.account_id})
    if programme is None:
        return None
    amount = min(commission_on(programme, invoice.amount, invoice.currency), invoice.amount)
    if amount <= 0:
        return None
    return await written(
        AffiliateCommission(
            account_id=referral.account_id,
            affiliate_id=referral.affiliate_id,
            referral_id=referral.id,
            referred_account_id=invoice.account_id,
            invoice_id=invoice.invoice_id,
            event_id=invoice.event_id,
            kind=EntryKind.ACCRUAL,
            amount=amount,
            currency=invoice.currency,
            invoice_amount=invoice.amount,
            occurred_at=invoice.paid_at,
        )
    )


async def reverse_for_refund(refund: RefundedInvoice) -> AffiliateCommission | None:
    """The refund's reversing entry, or None when the invoice earned nothing (left)."""
    entries = await AffiliateCommission.find(
        {"referred_account_id": refund.account_id, "invoice_id": refund.invoice_id}
    ).to_list()
    accruals = [entry for entry in entries if entry.kind is EntryKind.ACCRUAL]
    if not accruals:
        return None
    accrual = accruals[0]
    left = sum(entry.amount for entry in entries)
    share = accrual.amount * min(refund.amount, accrual.invoice_amount) // accrual.invoice_amount
    amount = min(share, left)
    if amount <= 0:
        return None
    return await written(
        AffiliateCommission(
            account_id=accrual.account_id,
            affiliate_id=accrual.affiliate_id,
            referral_id=accrual.referral_id,
            referred_account_id=refund.account_id,
            invoice_id=refund.invoice_id,
            event_id=refund.event_id,
            kind=EntryKind.REVERSAL,
            amount=-amount,
            currency=accrual.currency,
            invoice_amount=refund.amount,
            occurred_at=refund.refunded_at,
        )
    )


async def written(entry: AffiliateCommission) -> AffiliateCommission:
    """The entry stored, or the one its event already wrote."""
    try:
        return await entry.insert()
    except DuplicateKeyError:
        found = await AffiliateCommission.find_one(
            {"account_id": entry.account_id, "event_id": entry.event_id}
        )
        assert found is not None, "the entry its event wrote"
        return found
