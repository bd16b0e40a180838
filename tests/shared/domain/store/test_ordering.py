"""A sub-account's order: charged once per key to its saved card, its fulfilment opened (a
project in the agency's account, the due date); a declined card leaves it `payment_failed`
and a later try with the key can pay it; a try whose worker died once the card was charged,
run again, charges it once; an order whose project could not be opened is left unpaid, for
its next try to pay and open it whole; a try that conflicts with another paying it leaves it
to that one; another agency's product is not found; fulfilment
moves only a paid order; refunds are recorded once and never past the payment."""

from datetime import timedelta

import pytest

from shared.domain.onebalance.errors import CardDeclined
from shared.domain.projects.projects import open_project
from shared.domain.store import fulfilment, ordering, refunds
from shared.domain.store.errors import OrderNotPaid, ProductUnavailable, RefundTooLarge
from shared.models.base import utc_now
from shared.models.local_payment_object import LocalPaymentObject
from shared.models.payment_customer import PaymentCustomer
from shared.models.project import Project
from shared.models.store_order import OrderStatus, StoreOrder
from tests.factories import create_account, create_membership, create_sub_account, create_user
from tests.onebalance_factories import save_card
from tests.shared.domain.conflicts import write_conflict
from tests.shared.domain.payments.dying import DiesAfterCharging
from tests.store_factories import create_product


async def client_of_agency(card: str = "pm_card_visa"):
    agency = await create_account()
    client = await create_sub_account(agency, name="Acme Dental")
    await save_card(client, card)
    return agency, client, await create_product(agency)


async def test_an_order_is_charged_and_its_fulfilment_opened(outbox, payments, told):
    agency, client, product = await client_of_agency()
    now = utc_now()

    order = await ordering.place_order(payments, client, str(product.id), "order-1", now)

    stored = await StoreOrder.get(order.id)
    project = await Project.get(stored.project_id)
    assert (stored.status, stored.payment_reference) == (
        OrderStatus.PAID,
        told[0]["data"]["object"]["id"],
    )
    assert (project.account_id, project.name) == (agency.id, "Review management for Acme Dental")
    assert stored.due_at == now + timedelta(days=7)


async def test_an_order_placed_twice_with_its_key_is_charged_once(outbox, payments, told):
    _, client, product = await client_of_agency()

    first = await ordering.place_order(payments, client, str(product.id), "order-2", utc_now())
    again = await ordering.place_order(payments, client, str(product.id), "order-2", utc_now())

    assert (again.id, len(told), await StoreOrder.find({}).count()) == (first.id, 1, 1)
    assert await Project.find({}).count() == 1


async def test_a_declined_order_can_be_paid_by_a_later_try(outbox, payments):
    _, client, product = await client_of_agency("pm_card_chargeDeclined")
    with pytest.raises(CardDeclined):
        await ordering.place_order(payments, client, str(product.id), "order-3", utc_now())
    failed = await StoreOrder.find_one({"key": "order-3"})
    await PaymentCustomer.find_one({"account_id": client.id}).update(
        {"$set": {"default_payment_method": "pm_card_visa"}}
    )

    paid = await ordering.place_order(payments, client, str(product.id), "order-3", utc_now())

    assert (failed.status, failed.failure) == (
        OrderStatus.PAYMENT_FAILED,
        "Your card was declined.",
    )
    assert (paid.id, paid.status, paid.declines) == (failed.id, OrderStatus.PAID, 1)


async def test_an_order_retried_after_its_worker_died_is_charged_once(outbox, payments, told):
    _, client, product = await client_of_agency()
    with pytest.raises(SystemExit):
        await ordering.place_order(
            DiesAfterCharging(payments), client, str(product.id), "order-8", utc_now()
        )

    order = await ordering.place_order(payments, client, str(product.id), "order-8", utc_now())

    intents = await LocalPaymentObject.find({"kind": "payment_intent"}).count()
    assert (order.status, intents, len(told)) == (OrderStatus.PAID, 1, 1)
    assert order.payment_reference == told[0]["data"]["object"]["id"]
    assert await Project.find({}).count() == 1


async def test_an_order_whose_project_could_not_be_opened_is_paid_whole_by_its_next_try(
    outbox, payments, told, monkeypatch
):
    _, client, product = await client_of_agency()

    async def opened_then_gone(project, *args):
        await open_project(project, *args)
        raise ConnectionError("MongoDB went away")

    with monkeypatch.context() as broken:
        broken.setattr(ordering, "open_project", opened_then_gone)
        with pytest.raises(ConnectionError):
            await ordering.place_order(payments, client, str(product.id), "order-9", utc_now())
    left = await StoreOrder.find_one({"key": "order-9"})
    projects_left = await Project.find({}).count()
    order = await ordering.place_order(payments, client, str(product.id), "order-9", utc_now())

    assert (left.status, left.paid_at, projects_left) == (OrderStatus.PENDING_PAYMENT, None, 0)
    project = await Project.get(order.project_id)
    assert (order.status, project.name) == (OrderStatus.PAID, "Review management for Acme Dental")
    assert await Project.find({}).count() == 1
    assert len(told) == 1  # the card charged once, under the order's one key


async def test_an_order_that_conflicts_with_another_try_paying_it_is_left_to_that_try(
    outbox, payments, told, monkeypatch
):
    _, client, product = await client_of_agency()
    claim_paid = ordering.repository.claim_paid

    async def paid_by_another_try_meanwhile(order, fields) -> bool:
        await claim_paid(order, {**fields, "payment_reference": "pi_the_other_try"})
        raise write_conflict()

    monkeypatch.setattr(ordering.repository, "claim_paid", paid_by_another_try_meanwhile)
    order = await ordering.place_order(payments, client, str(product.id), "order-10", utc_now())

    assert order.status is OrderStatus.PAID
    assert (order.project_id, await Project.find({}).count()) == (None, 0)  # the other's to open
    assert len(told) == 1


async def test_another_agencys_product_cannot_be_ordered(outbox, payments):
    _, client, _ = await client_of_agency()
    theirs = await create_product(await create_account())

    with pytest.raises(ProductUnavailable):
        await ordering.place_order(payments, client, str(theirs.id), "order-4", utc_now())

    assert await StoreOrder.find({}).count() == 0


async def test_the_agency_assigns_and_delivers_a_paid_order(outbox, payments):
    agency, client, product = await client_of_agency()
    worker = await create_user()
    await create_membership(agency, worker)
    order = await ordering.place_order(payments, client, str(product.id), "order-5", utc_now())

    await fulfilment.track(
        order, agency.id, {"assignee_id": str(worker.id), "status": "in_progress"}, utc_now()
    )
    await fulfilment.track(order, agency.id, {"status": "delivered"}, utc_now())

    stored = await StoreOrder.get(order.id)
    assert (stored.status, stored.assignee_id, stored.delivered_at is not None) == (
        OrderStatus.DELIVERED,
        worker.id,
        True,
    )


async def test_an_unpaid_order_cannot_be_moved(outbox, payments):
    agency, client, product = await client_of_agency("pm_card_chargeDeclined")
    with pytest.raises(CardDeclined):
        await ordering.place_order(payments, client, str(product.id), "order-6", utc_now())
    order = await StoreOrder.find_one({"key": "order-6"})

    with pytest.raises(OrderNotPaid):
        await fulfilment.track(order, agency.id, {"status": "delivered"}, utc_now())

    assert (await StoreOrder.get(order.id)).status is OrderStatus.PAYMENT_FAILED


async def test_a_refund_is_recorded_once_and_never_past_the_payment(outbox, payments, told):
    _, client, product = await client_of_agency()
    order = await ordering.place_order(payments, client, str(product.id), "order-7", utc_now())

    await refunds.refund_order(payments, order, 1_000, "late", "refund-1", utc_now())
    again = await refunds.refund_order(
        payments, await StoreOrder.get(order.id), 1_000, "late", "refund-1", utc_now()
    )
    with pytest.raises(RefundTooLarge):
        await refunds.refund_order(payments, again, 4_000, "all", "refund-2", utc_now())

    assert (again.amount_refunded, [r.amount for r in again.refunds]) == (1_000, [1_000])
    assert [event["type"] for event in told] == ["payment_intent.succeeded", "refund.created"]
