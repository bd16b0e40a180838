"""The store's part of Stripe's events, as the queue manager hands them on: a consumer's
completed checkout makes its purchase paid (the rest of what it lands as is
`tests/shared/domain/store/test_purchases.py`)."""

from queue_manager.integrations.stripe import handle
from shared.domain.payments.local_provider import TestPaymentProvider
from shared.domain.store.checkout import start_checkout
from shared.models.consumer_purchase import ConsumerPurchase, PurchaseStatus
from shared.utilities.settings import RunMode
from tests.factories import create_account, create_sub_account
from tests.store_factories import create_offer


async def test_a_completed_checkout_event_makes_its_purchase_paid(run, mongo):
    told: list[dict] = []

    async def keep(event: dict) -> None:
        told.append(event)

    offer = await create_offer(await create_sub_account(await create_account()))
    provider = TestPaymentProvider(RunMode.EMBEDDED, events=keep)
    purchase, _ = await start_checkout(provider, offer.token, "ada@example.com", "Ada")

    answer = await run(handle, told[-1])

    assert answer == {"purchase_id": str(purchase.id), "paid": True}
    assert (await ConsumerPurchase.get(purchase.id)).status is PurchaseStatus.PAID
