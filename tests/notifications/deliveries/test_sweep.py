"""The sweep: deliveries held by quiet hours are released once their time comes, and those
left behind are handed over again; each once."""

from datetime import timedelta

from notifications.deliveries.sweep import recover_stale, release_due
from shared.models.base import utc_now
from shared.models.notification_delivery import NotificationDelivery
from tests.factories import create_account
from tests.notifications.conftest import configured_settings
from tests.notifications.factories import create_delivery, settled


async def test_due_deliveries_are_queued_again_and_later_ones_stay(mongo):
    account = await create_account()
    now = utc_now()
    due = await create_delivery(account, status="deferred", send_after=now - timedelta(minutes=1))
    later = await create_delivery(account, status="deferred", send_after=now + timedelta(hours=1))

    released = await release_due(now)

    assert released == [str(due.id)]
    assert (await NotificationDelivery.get(due.id)).status == "queued"
    assert (await NotificationDelivery.get(later.id)).status == "deferred"


async def test_a_released_delivery_is_released_once(mongo):
    account = await create_account()
    now = utc_now()
    await create_delivery(account, status="deferred", send_after=now - timedelta(minutes=1))

    first, second = await release_due(now), await release_due(now)

    assert (len(first), second) == (1, [])


async def test_the_history_says_the_quiet_hours_ended(mongo):
    account = await create_account()
    now = utc_now()
    delivery = await create_delivery(account, status="deferred", send_after=now)

    await release_due(now)

    history = (await NotificationDelivery.get(delivery.id)).history
    assert (history[-1].status, history[-1].detail) == ("queued", "quiet hours ended")


async def test_the_services_sweep_sends_a_delivery_whose_quiet_hours_ended(
    start_notifications, fake_providers
):
    async with start_notifications(configured_settings(sweep_seconds=0.05)):
        account = await create_account()
        delivery = await create_delivery(
            account, status="deferred", send_after=utc_now() - timedelta(seconds=1)
        )

        await settled(str(delivery.id), leaving="deferred")
        sent = await settled(str(delivery.id))

    assert sent.status == "sent"
    assert len(fake_providers.requests["sendgrid"]) == 1


async def test_a_queued_delivery_left_untouched_is_recovered_once(mongo):
    account = await create_account()
    now = utc_now()
    left = await create_delivery(account)
    await left.set({"updated_at": now - timedelta(hours=1)})
    await create_delivery(account)  # just queued: its send is on its way

    first, second = await recover_stale(now, 900), await recover_stale(now, 900)

    assert (first, second) == ([str(left.id)], [])


async def test_the_services_sweep_sends_a_delivery_left_behind(start_notifications, fake_providers):
    async with start_notifications(configured_settings(sweep_seconds=0.05, stale_seconds=301)):
        account = await create_account()
        left = await create_delivery(account)
        await left.set({"updated_at": utc_now() - timedelta(minutes=10)})

        sent = await settled(str(left.id))

    assert sent.status == "sent"
