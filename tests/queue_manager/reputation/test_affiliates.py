"""The affiliates queue: commissions from the invoice tasks' arguments, and the cron's payouts
paid through Tipalti (through the external API): a payable affiliate's payout submitted in its
account's batch, settled from the batch's status; one not yet payable waits."""

from beanie import PydanticObjectId

from queue_manager.affiliates import tipalti
from queue_manager.queues.affiliates import accrue, reverse
from shared.models.affiliate_commission import AffiliateCommission
from shared.models.affiliate_payout import AffiliatePayout, PayoutStatus
from shared.models.affiliate_referral import AffiliateReferral
from shared.models.base import utc_now
from tests.external_api.fakes import json_answer, json_of
from tests.queue_manager.reputation.conftest import EXTERNAL_API
from tests.reputation_factories import create_affiliate, create_programme


async def payout_of(affiliate, amount=6000) -> AffiliatePayout:
    return await AffiliatePayout(
        account_id=affiliate.account_id,
        affiliate_id=affiliate.id,
        amount=amount,
        currency="USD",
        method="tipalti",
        ref_code=f"aff-{PydanticObjectId()}",
    ).insert()


async def test_a_payable_affiliates_payout_is_submitted_then_settled_paid(outbox, siblings):
    programme = await create_programme(PydanticObjectId())
    affiliate = await create_affiliate(programme, tipalti_payee_id="tp-1")
    payout = await payout_of(affiliate)
    base = f"{EXTERNAL_API}/v1/e/tipalti/accounts/{programme.account_id}"
    siblings.on(
        "GET",
        f"{base}/payees/tp-1",
        json_answer({"payee_id": "tp-1", "ref_code": "x", "payable": True, "status": "ACTIVE"}),
    )
    siblings.on("POST", f"{base}/payment-batches", json_answer({"batch_id": "b-1"}))
    siblings.on(
        "GET",
        f"{base}/payment-batches/b-1",
        json_answer(
            {"batch_id": "b-1", "instructions": [{"ref_code": payout.ref_code, "status": "PAID"}]}
        ),
    )

    submitted = await tipalti.submit_pending()
    settled = await tipalti.read_submitted()

    assert (submitted, settled) == (1, 1)
    (batch,) = siblings.sent("POST", f"{base}/payment-batches")
    assert json_of(batch) == {
        "instructions": [
            {"payee_id": "tp-1", "ref_code": payout.ref_code, "amount": 6000, "currency": "USD"}
        ]
    }
    stored = await AffiliatePayout.get(payout.id)
    assert (stored.status, stored.paid_by, stored.tipalti_batch_id) == (
        PayoutStatus.PAID,
        "tipalti",
        "b-1",
    )


async def test_a_payout_waits_while_its_affiliate_is_not_payable(outbox, siblings):
    programme = await create_programme(PydanticObjectId())
    unboarded = await create_affiliate(programme)
    payout = await payout_of(unboarded)

    assert await tipalti.submit_pending() == 0
    assert siblings.requests == []
    assert (await AffiliatePayout.get(payout.id)).status is PayoutStatus.PENDING


async def test_the_invoice_tasks_accrue_and_reverse_from_their_arguments(outbox):
    programme = await create_programme(PydanticObjectId(), commission_basis_points=1000)
    affiliate = await create_affiliate(programme)
    client = PydanticObjectId()
    await AffiliateReferral(
        account_id=programme.account_id,
        affiliate_id=affiliate.id,
        referred_account_id=client,
        visit_id=PydanticObjectId(),
        attributed_by="last",
        earns_until=utc_now().replace(year=2099),
    ).insert()
    paid_at = utc_now().isoformat()

    await accrue(
        event_id="evt_p",
        invoice_id="in_9",
        account_id=str(client),
        amount=20_000,
        currency="EUR",
        paid_at=paid_at,
    )
    await reverse(
        event_id="evt_r",
        invoice_id="in_9",
        account_id=str(client),
        refund_id="re_1",
        amount=20_000,
        currency="EUR",
        refunded_at=paid_at,
    )

    entries = await AffiliateCommission.find({"invoice_id": "in_9"}).sort("created_at").to_list()
    assert [(entry.amount, entry.currency, entry.event_id) for entry in entries] == [
        (2000, "EUR", "evt_p"),
        (-2000, "EUR", "evt_r"),
    ]
