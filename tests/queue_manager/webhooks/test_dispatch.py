"""An event fans out to one delivery per enabled endpoint of its account subscribed to its type,
once however often it is dispatched."""

from queue_manager.webhooks.dispatch import create_deliveries
from shared.models.webhook_delivery import DeliveryStatus, WebhookDelivery
from shared.models.webhook_subscription import WebhookEventType
from tests.factories import create_account
from tests.queue_manager.webhooks.factories import create_event, create_subscription

CONTACTS = [WebhookEventType.CONTACT_CREATED]
DEALS = [WebhookEventType.DEAL_CREATED]


async def test_each_enabled_endpoint_subscribed_to_the_type_gets_one_delivery(mongo):
    account, other = await create_account(), await create_account()
    wanted = [
        await create_subscription(account, event_types=CONTACTS),
        await create_subscription(account, event_types=[*DEALS, *CONTACTS]),
    ]
    await create_subscription(account, event_types=DEALS)
    await create_subscription(account, event_types=CONTACTS, enabled=False)
    await create_subscription(other, event_types=CONTACTS)
    event = create_event(account)

    deliveries = [delivery for delivery, _ in await create_deliveries(event)]

    assert {d.subscription_id for d in deliveries} == {s.id for s in wanted}
    assert all(d.status is DeliveryStatus.PENDING for d in deliveries)
    assert all(d.account_id == account.id and d.event_id == event["id"] for d in deliveries)


async def test_the_payload_is_the_event_without_its_account(mongo):
    account = await create_account()
    await create_subscription(account)
    event = create_event(account)

    [(delivery, _)] = await create_deliveries(event)

    assert delivery.payload == {key: event[key] for key in ("id", "type", "created_at", "data")}


async def test_an_event_dispatched_twice_is_delivered_once_per_endpoint(mongo):
    account = await create_account()
    await create_subscription(account)
    event = create_event(account)

    first = await create_deliveries(event)
    again = await create_deliveries(event)

    assert [d.id for d, _ in again] == [d.id for d, _ in first]
    assert await WebhookDelivery.find({"event_id": event["id"]}).count() == 1


async def test_a_delivery_already_settled_is_not_sent_again_by_a_second_dispatch(mongo):
    account = await create_account()
    await create_subscription(account)
    event = create_event(account)
    [(delivery, _)] = await create_deliveries(event)
    delivery.status = DeliveryStatus.DELIVERED
    await delivery.save()

    assert await create_deliveries(event) == []


async def test_an_account_without_endpoints_gets_no_delivery(mongo):
    assert await create_deliveries(create_event(await create_account())) == []
