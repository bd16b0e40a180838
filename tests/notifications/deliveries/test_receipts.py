"""Expo's push receipts: each device's send Expo took is confirmed, failed (a dead token removing
its device) or given up on once its receipt is due; an Expo failing leaves them for later."""

from datetime import timedelta

import httpx
import pytest

from notifications.deliveries.receipts import NO_RECEIPT, read_due_receipts, record_receipts
from notifications.providers.expo import ExpoReceipts
from shared.models.base import utc_now
from shared.models.notification_delivery import DeliveryStatus, DevicePush, NotificationDelivery
from shared.models.notification_template import Channel
from shared.models.push_device import PushDevice, PushKind
from tests.device_factories import create_device, expo_token
from tests.factories import create_account, create_user
from tests.notifications.conftest import configured_settings
from tests.notifications.factories import (
    LEAD,
    create_account_user,
    create_delivery,
    headers_for,
    settled,
)
from tests.notifications.fake_providers import (
    EXPO_URL,
    expo_receipt_device_not_registered,
    expo_receipt_error,
    expo_receipt_ok,
    timeout,
)
from tests.shared.domain.held import holding

NOW = utc_now()
NEXT_POLL = NOW + timedelta(minutes=1)


@pytest.fixture
async def expo(fake_providers):
    async with httpx.AsyncClient(transport=fake_providers.transport()) as client:
        yield ExpoReceipts(client, EXPO_URL, "")


async def create_expo_device(**overrides) -> PushDevice:
    return await create_device(
        await create_user(), kind=PushKind.EXPO, token=expo_token(), **overrides
    )


def sent_through_expo(
    device: PushDevice, ticket: str, sent_ago=timedelta(minutes=15)
) -> DevicePush:
    """The device's send Expo took `sent_ago`, its receipt due now."""
    return DevicePush(
        device_id=device.id,
        kind=device.kind,
        token=device.token,
        name=device.name,
        status=DeliveryStatus.SENT,
        provider="expo",
        provider_message_id=ticket,
        sent_at=NOW - sent_ago,
        receipt_due_at=NOW,
    )


async def create_push(*devices: DevicePush, **overrides) -> NotificationDelivery:
    """A push to a user's devices, sent to each."""
    fields = {
        "channel": Channel.PUSH,
        "to": "",
        "status": DeliveryStatus.SENT,
        "devices": list(devices),
    }
    return await create_delivery(await create_account(), **{**fields, **overrides})


async def read(delivery: NotificationDelivery) -> NotificationDelivery:
    return await NotificationDelivery.get(delivery.id)


async def test_a_device_not_registered_receipt_fails_the_send_and_removes_the_device(
    mongo, expo, fake_providers
):
    device = await create_expo_device()
    delivery = await create_push(sent_through_expo(device, "T-1"))
    fake_providers.make_expo_receipt("T-1", expo_receipt_device_not_registered())

    await read_due_receipts(expo, NOW, NEXT_POLL)

    (send,) = (await read(delivery)).devices
    assert (send.status, send.reason, send.receipt_due_at) == (
        "failed",
        "The Apple Push Notification service failed to send the notification (DeviceNotRegistered)",
        None,
    )
    assert await PushDevice.get(device.id) is None
    assert fake_providers.asked_expo_receipts() == [["T-1"]]


async def test_an_ok_receipt_confirms_the_send(mongo, expo, fake_providers):
    delivery = await create_push(sent_through_expo(await create_expo_device(), "T-1"))
    fake_providers.make_expo_receipt("T-1", expo_receipt_ok())

    await read_due_receipts(expo, NOW, NEXT_POLL)

    stored = await read(delivery)
    (send,) = stored.devices
    assert (send.status, send.reason, send.receipt_due_at) == ("delivered", "", None)
    assert (stored.status, stored.history[-1].status) == ("delivered", "delivered")


@pytest.mark.parametrize("error", ["MessageTooBig", "MessageRateExceeded", "InvalidCredentials"])
async def test_another_error_receipt_fails_the_send_with_its_reason_and_keeps_the_device(
    mongo, expo, fake_providers, error
):
    device = await create_expo_device()
    delivery = await create_push(sent_through_expo(device, "T-1"))
    fake_providers.make_expo_receipt("T-1", expo_receipt_error("Expo says no", error))

    await read_due_receipts(expo, NOW, NEXT_POLL)

    (send,) = (await read(delivery)).devices
    assert (send.status, send.reason) == ("failed", f"Expo says no ({error})")
    assert await PushDevice.get(device.id) is not None


async def test_the_delivery_names_the_device_its_receipt_failed(mongo, expo, fake_providers):
    kept = sent_through_expo(await create_expo_device(), "T-1")
    gone = sent_through_expo(await create_expo_device(name="Old"), "T-2")
    delivery = await create_push(kept, gone)
    fake_providers.make_expo_receipt("T-1", expo_receipt_ok())
    fake_providers.make_expo_receipt("T-2", expo_receipt_device_not_registered())

    await read_due_receipts(expo, NOW, NEXT_POLL)

    stored = await read(delivery)
    assert (stored.status, stored.reason) == (
        "delivered",
        "not sent to 1 of 2 devices: Old: The Apple Push Notification service failed to send "
        "the notification (DeviceNotRegistered)",
    )


async def test_a_push_whose_every_receipt_failed_fails(mongo, expo, fake_providers):
    delivery = await create_push(sent_through_expo(await create_expo_device(), "T-1"))
    fake_providers.make_expo_receipt(
        "T-1", expo_receipt_error("Bad credentials", "InvalidCredentials")
    )

    await read_due_receipts(expo, NOW, NEXT_POLL)

    stored = await read(delivery)
    assert (stored.status, stored.reason) == (
        "failed",
        "Pixel 8: Bad credentials (InvalidCredentials)",
    )


async def test_a_receipt_not_made_yet_is_asked_for_again_at_the_next_poll(
    mongo, expo, fake_providers
):
    delivery = await create_push(sent_through_expo(await create_expo_device(), "T-1"))

    await read_due_receipts(expo, NOW, NEXT_POLL)
    (waiting,) = (await read(delivery)).devices
    fake_providers.make_expo_receipt("T-1", expo_receipt_ok())
    await read_due_receipts(expo, NEXT_POLL, NEXT_POLL + timedelta(minutes=1))

    assert (waiting.status, waiting.receipt_due_at) == ("sent", NEXT_POLL)
    assert (await read(delivery)).devices[0].status == "delivered"
    assert fake_providers.asked_expo_receipts() == [["T-1"], ["T-1"]]


async def test_a_receipt_still_not_made_a_day_after_the_send_is_given_up(
    mongo, expo, fake_providers
):
    sent = sent_through_expo(await create_expo_device(), "T-1", sent_ago=timedelta(hours=24))
    delivery = await create_push(sent)

    await read_due_receipts(expo, NOW, NEXT_POLL)

    stored = await read(delivery)
    (send,) = stored.devices
    assert (send.status, send.reason, send.receipt_due_at) == ("sent", NO_RECEIPT, None)
    assert (stored.status, stored.reason) == ("sent", "")


@pytest.mark.parametrize(
    "failure",
    [httpx.Response(500, json={"errors": [{"code": "INTERNAL", "message": "oops"}]}), timeout()],
    ids=["500", "timeout"],
)
async def test_an_expo_failing_or_silent_changes_nothing(mongo, expo, fake_providers, failure):
    device = await create_expo_device()
    delivery = await create_push(sent_through_expo(device, "T-1"))
    fake_providers.make_expo_receipt("T-1", expo_receipt_device_not_registered())
    fake_providers.queue("expo_receipts", failure)

    await read_due_receipts(expo, NOW, NEXT_POLL)

    assert (await read(delivery)).model_dump() == delivery.model_dump()
    assert await PushDevice.get(device.id) is not None


async def test_receipts_an_expo_failure_left_are_read_at_the_next_poll(mongo, expo, fake_providers):
    delivery = await create_push(sent_through_expo(await create_expo_device(), "T-1"))
    fake_providers.make_expo_receipt("T-1", expo_receipt_ok())
    fake_providers.queue("expo_receipts", httpx.Response(503, json={"errors": []}))

    await read_due_receipts(expo, NOW, NEXT_POLL)
    await read_due_receipts(expo, NEXT_POLL, NEXT_POLL + timedelta(minutes=1))

    assert (await read(delivery)).devices[0].status == "delivered"
    assert fake_providers.asked_expo_receipts() == [["T-1"], ["T-1"]]


async def test_more_receipts_due_than_a_request_holds_are_asked_for_in_several(
    mongo, expo, fake_providers
):
    tickets = [f"T-{n}" for n in range(5)]
    deliveries = [
        await create_push(sent_through_expo(await create_expo_device(), ticket))
        for ticket in tickets
    ]
    for ticket in tickets:
        fake_providers.make_expo_receipt(ticket, expo_receipt_ok())

    await read_due_receipts(expo, NOW, NEXT_POLL, batch_size=2)

    asked = fake_providers.asked_expo_receipts()
    assert [len(ids) for ids in asked] == [2, 2, 1]
    assert sorted(ticket for ids in asked for ticket in ids) == tickets
    assert [(await read(delivery)).status for delivery in deliveries] == ["delivered"] * 5


async def test_a_push_to_more_devices_than_a_request_holds_is_asked_for_in_several(
    mongo, expo, fake_providers
):
    sends = [sent_through_expo(await create_expo_device(), f"T-{n}") for n in range(3)]
    delivery = await create_push(*sends)

    await read_due_receipts(expo, NOW, NEXT_POLL, batch_size=2)

    assert fake_providers.asked_expo_receipts() == [["T-0", "T-1"], ["T-2"]]
    assert [send.receipt_due_at for send in (await read(delivery)).devices] == [NEXT_POLL] * 3


async def test_receipts_read_twice_are_recorded_once(mongo, expo, fake_providers):
    delivery = await create_push(sent_through_expo(await create_expo_device(), "T-1"))
    fake_providers.make_expo_receipt("T-1", expo_receipt_ok())

    await read_due_receipts(expo, NOW, NEXT_POLL)
    first = await read(delivery)
    await read_due_receipts(expo, NOW, NEXT_POLL)

    assert (await read(delivery)).model_dump() == first.model_dump()
    assert fake_providers.asked_expo_receipts() == [["T-1"]]


async def test_a_receipt_not_due_yet_is_not_asked_for(mongo, expo, fake_providers):
    later = sent_through_expo(await create_expo_device(), "T-1").model_copy(
        update={"receipt_due_at": NOW + timedelta(minutes=5)}
    )
    await create_push(later)

    await read_due_receipts(expo, NOW, NEXT_POLL)

    assert fake_providers.asked_expo_receipts() == []


async def test_a_push_still_being_sent_waits_for_its_send_to_end(mongo, expo, fake_providers):
    await create_push(sent_through_expo(await create_expo_device(), "T-1"), status="queued")

    await read_due_receipts(expo, NOW, NEXT_POLL)

    assert fake_providers.asked_expo_receipts() == []


async def test_a_delivery_written_since_it_was_read_is_left_for_the_next_poll(mongo):
    delivery = await create_push(sent_through_expo(await create_expo_device(), "T-1"))
    read_before = await read(delivery)
    await delivery.set({"attempts": 2, "updated_at": read_before.updated_at + timedelta(seconds=1)})

    stored = await record_receipts(read_before, {}, NOW, NEXT_POLL)

    assert stored is False
    assert (await read(delivery)).devices[0].receipt_due_at == NOW


async def test_a_push_expo_took_waits_for_its_receipt_and_one_fcm_took_does_not(
    notifications, fake_providers
):
    account = await create_account()
    colleague = await create_account_user(account)
    await create_device(colleague)
    await create_device(colleague, kind=PushKind.EXPO, token=expo_token())

    answer = await notifications.post(
        "/v1/notifications/push",
        json={"user_id": str(colleague.id), "event": "new_lead", "data": LEAD},
        headers=headers_for(account),
    )

    delivery = await settled(answer.json()["id"])
    sends = {send.kind: send for send in delivery.devices}
    assert sends["fcm"].receipt_due_at is None
    assert sends["expo"].receipt_due_at > sends["expo"].sent_at


async def test_the_service_polls_the_receipts_that_are_due(start_notifications, fake_providers):
    async with start_notifications(configured_settings(expo_receipt_poll_seconds=0.05)):
        delivery = await create_push(sent_through_expo(await create_expo_device(), "T-1"))
        fake_providers.make_expo_receipt("T-1", expo_receipt_ok())

        confirmed = await settled(str(delivery.id), leaving="sent")

    assert confirmed.status == "delivered"


SUPPORT_ANSWER = {"support_conversation_id": "c" * 24, "support_message_id": "m" * 24}


async def test_the_platforms_push_of_a_support_answer_reaching_the_customer_is_their_receipt(
    mongo, expo, fake_providers
):
    await create_push(
        sent_through_expo(await create_expo_device(), "T-1"),
        event="new_message",
        user_id="u" * 24,
        data=SUPPORT_ANSWER,
        requested_by="queue_manager",
    )
    fake_providers.make_expo_receipt("T-1", expo_receipt_ok())

    async with holding() as outbox:
        await read_due_receipts(expo, NOW, NEXT_POLL)
        [job] = outbox.jobs

    assert (job.name, job.kwargs) == (
        "support_message_status.record",
        {
            "conversation_id": "c" * 24,
            "reader_id": "u" * 24,
            "message_id": "m" * 24,
            "status": "delivered",
        },
    )


async def test_a_push_a_user_sent_with_the_same_data_is_nobodys_receipt(
    mongo, expo, fake_providers
):
    await create_push(
        sent_through_expo(await create_expo_device(), "T-1"),
        event="new_message",
        user_id="u" * 24,
        data=SUPPORT_ANSWER,
        requested_by="u" * 24,
    )
    fake_providers.make_expo_receipt("T-1", expo_receipt_ok())

    async with holding() as outbox:
        await read_due_receipts(expo, NOW, NEXT_POLL)
        assert outbox.jobs == []
