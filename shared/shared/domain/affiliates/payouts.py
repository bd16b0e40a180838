"""Payouts: the queue manager's affiliates cron batches each affiliate's unpaid ledger entries
of one currency into a payout once their balance reaches the programme's minimum; the
entries are taken by a conditional update (only those still free), so two sweeps at once
cannot pay an entry twice. A payout refused by Tipalti frees its entries again."""

from collections import defaultdict

from beanie import PydanticObjectId

from shared.domain.affiliates import repository
from shared.models.affiliate_commission import AffiliateCommission
from shared.models.affiliate_payout import AffiliatePayout, PayoutStatus
from shared.models.affiliate_programme import AffiliateProgramme
from shared.models.base import utc_now


async def batch_programme(programme: AffiliateProgramme) -> list[AffiliatePayout]:
    """The programme's new payouts: one per affiliate and currency at or over its minimum."""
    free = await repository.free_entries_of(programme.account_id)
    balances: dict[tuple[PydanticObjectId, str], list[AffiliateCommission]] = defaultdict(list)
    for entry in free:
        balances[(entry.affiliate_id, entry.currency)].append(entry)
    payouts = []
    for (affiliate_id, currency), entries in sorted(balances.items()):
        if sum(entry.amount for entry in entries) >= max(programme.min_payout, 1):
            payout = await take(programme, affiliate_id, currency, entries)
            if payout is not None:
                payouts.append(payout)
    return payouts


async def take(
    programme: AffiliateProgramme,
    affiliate_id: PydanticObjectId,
    currency: str,
    entries: list[AffiliateCommission],
) -> AffiliatePayout | None:
    payout_id = PydanticObjectId()
    ids = [entry.id for entry in entries]
    if await repository.take_entries(ids, payout_id) != len(ids):
        # Another sweep took some first: ours go back.
        await repository.free_payout_entries(programme.account_id, payout_id)
        return None
    return await AffiliatePayout(
        id=payout_id,
        account_id=programme.account_id,
        affiliate_id=affiliate_id,
        amount=sum(entry.amount for entry in entries),
        currency=currency,
        method=programme.payout_method.value,
        ref_code=f"aff-{payout_id}",
    ).insert()


async def mark_paid(payout: AffiliatePayout, by: str) -> AffiliatePayout:
    payout.status = PayoutStatus.PAID
    payout.paid_at = utc_now()
    payout.paid_by = by
    await payout.save_changes()
    return payout


async def mark_failed(payout: AffiliatePayout, problem: str) -> AffiliatePayout:
    """Refused: its entries go back to the balance, for the next batch."""
    assert payout.id is not None, "a stored payout"
    payout.status = PayoutStatus.FAILED
    payout.problem = problem[:500]
    await payout.save_changes()
    await repository.free_payout_entries(payout.account_id, payout.id)
    return payout
