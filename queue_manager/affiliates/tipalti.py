"""Paying the batched payouts through each programme account's Tipalti: a payout waits while
its affiliate is no payable payee yet (Tipalti says so once onboarding is done); the payable
ones of an account go in one payment batch; a later sweep reads the batch's instructions and
marks each payout paid, or failed (its entries freed for the next batch)."""

from collections import defaultdict

from beanie import PydanticObjectId

from queue_manager.siblings import answer_of, error_code, external_api, refused
from shared.domain.affiliates import repository
from shared.domain.affiliates.payouts import mark_failed, mark_paid
from shared.models.affiliate import Affiliate
from shared.models.affiliate_payout import AffiliatePayout, PayoutStatus

BATCH = 200
PAID = frozenset({"PAID", "COMPLETED"})
FAILED = frozenset({"FAILED", "CANCELED", "CANCELLED", "REJECTED"})
NOT_CONNECTED = frozenset({"not_connected", "reconnect_needed"})


def base(account_id: PydanticObjectId) -> str:
    return f"/v1/e/tipalti/accounts/{account_id}"


async def payable(affiliate: Affiliate) -> bool:
    """Whether Tipalti may pay the affiliate now (its answer kept on the affiliate)."""
    if not affiliate.tipalti_payee_id:
        return False
    if affiliate.payable:
        return True
    path = f"{base(affiliate.account_id)}/payees/{affiliate.tipalti_payee_id}"
    response = await answer_of(external_api(), "GET", path)
    if response.is_error:
        return False
    affiliate.payable = bool(response.json()["payable"])
    await affiliate.save_changes()
    return affiliate.payable


async def submit_pending() -> int:
    """Submit every pending Tipalti payout whose affiliate is payable; how many went."""
    by_account: dict[PydanticObjectId, list[tuple[AffiliatePayout, Affiliate]]] = defaultdict(list)
    for payout in await repository.payouts_to_send(BATCH):
        affiliate = await repository.affiliate(payout.affiliate_id)
        if affiliate is not None and await payable(affiliate):
            by_account[payout.account_id].append((payout, affiliate))
    sent = 0
    for account_id, payouts in by_account.items():
        sent += await submit(account_id, payouts)
    return sent


async def submit(
    account_id: PydanticObjectId, payouts: list[tuple[AffiliatePayout, Affiliate]]
) -> int:
    instructions = [
        {
            "payee_id": affiliate.tipalti_payee_id,
            "ref_code": payout.ref_code,
            "amount": payout.amount,
            "currency": payout.currency,
        }
        for payout, affiliate in payouts
    ]
    response = await answer_of(
        external_api(),
        "POST",
        f"{base(account_id)}/payment-batches",
        json={"instructions": instructions},
    )
    if response.status_code == 409 and error_code(response) in NOT_CONNECTED:
        return 0  # Tipalti disconnected: they wait for it to be connected again
    if response.is_error:
        raise refused(response, "Tipalti (through the external API) refused the payment batch")
    batch_id = response.json()["batch_id"]
    for payout, _ in payouts:
        payout.status = PayoutStatus.SUBMITTED
        payout.tipalti_batch_id = batch_id
        await payout.save_changes()
    return len(payouts)


async def read_submitted() -> int:
    """Payouts Tipalti reports paid or failed since the last sweep; how many changed."""
    changed = 0
    batches: dict[tuple[PydanticObjectId, str], list[AffiliatePayout]] = defaultdict(list)
    for payout in await repository.payouts_submitted(BATCH):
        batches[(payout.account_id, payout.tipalti_batch_id)].append(payout)
    for (account_id, batch_id), payouts in batches.items():
        response = await answer_of(
            external_api(), "GET", f"{base(account_id)}/payment-batches/{batch_id}"
        )
        if response.is_error:
            continue
        statuses = {
            item["ref_code"]: item["status"].upper() for item in response.json()["instructions"]
        }
        for payout in payouts:
            status = statuses.get(payout.ref_code, "")
            if status in PAID:
                await mark_paid(payout, "tipalti")
                changed += 1
            elif status in FAILED:
                await mark_failed(payout, f"Tipalti: {status}")
                changed += 1
    return changed
