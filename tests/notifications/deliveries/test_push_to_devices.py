"""A push to a user goes to each device they registered, through its kind's provider, each
device's outcome kept; a token its provider reports dead removes its device."""

from datetime import timedelta

import httpx

from notifications.deliveries.sending import send_delivery
from shared.models.base import utc_now
from shared.models.notification_delivery import DevicePush
from shared.models.notification_template import Channel
from shared.models.push_device import PushDevice, PushKind
from tests.device_factories import create_device, expo_token
from tests.external_api.fakes.fcm import fcm_unregistered, google_error
from tests.factories import create_account, create_user
from tests.notifications.factories import (
    LEAD,
    create_account_user,
    create_delivery,
    headers_for,
    service_headers,
    settled,
)
from tests.notifications.fake_providers import expo_device_not_registered


async def push_to_user(client, account, user):
    answer = await client.post(
        "/v1/notifications/push",
        json={"user_id": str(user.id), "event": "new_lead", "data": LEAD},
        headers=headers_for(account),
    )
    assert answer.status_code == 202, answer.text
    return answer


def an_hour_ago():
    return utc_now() - timedelta(hours=1)


async def test_a_push_to_a_user_goes_to_each_of_their_devices(notifications, fake_providers):
    account = await create_account()
    colleague = await create_account_user(account)
    phone = await create_device(colleague)
    tablet = await create_device(colleague, kind=PushKind.EXPO, token=expo_token(), name="iPad")

    answer = await push_to_user(notifications, account, colleague)

    delivery = await settled(answer.json()["id"])
    (to_fcm,) = fake_providers.requests["fcm"]
    (to_expo,) = fake_providers.requests["expo"]
    assert to_fcm.json()["message"]["token"] == phone.token
    assert to_fcm.json()["message"]["notification"]["title"] == delivery.subject
    assert (to_expo.json()["to"], to_expo.json()["title"]) == (tablet.token, delivery.subject)
    assert (delivery.status, delivery.reason) == ("sent", "")
    assert {(device.device_id, device.status, device.provider) for device in delivery.devices} == {
        (phone.id, "sent", "fcm"),
        (tablet.id, "sent", "expo"),
    }
    assert all(device.provider_message_id for device in delivery.devices)


async def test_the_delivery_shows_each_device_but_not_its_token(notifications):
    account = await create_account()
    colleague = await create_account_user(account)
    phone = await create_device(colleague)

    answer = await push_to_user(notifications, account, colleague)

    assert answer.json()["to"] == ""
    assert answer.json()["devices"] == [
        {
            "device_id": str(phone.id),
            "kind": "fcm",
            "name": "Pixel 8",
            "status": "queued",
            "provider": "",
            "provider_message_id": None,
            "reason": "",
        }
    ]


async def test_a_user_without_a_device_gets_a_suppressed_push(notifications, fake_providers):
    account = await create_account()
    colleague = await create_account_user(account)

    answer = await push_to_user(notifications, account, colleague)

    assert (answer.json()["status"], answer.json()["reason"]) == (
        "suppressed",
        "the user has no device registered for push",
    )
    assert fake_providers.requests == {}


async def test_an_fcm_unregistered_answer_fails_the_push_and_removes_the_device(
    notifications, fake_providers
):
    account = await create_account()
    colleague = await create_account_user(account)
    phone = await create_device(colleague)
    fake_providers.queue("fcm", fcm_unregistered())

    delivery = await settled((await push_to_user(notifications, account, colleague)).json()["id"])

    assert delivery.status == "failed"
    assert delivery.reason == (
        "Pixel 8: 404 NOT_FOUND (UNREGISTERED): Requested entity was not found."
    )
    assert await PushDevice.get(phone.id) is None


async def test_an_expo_device_not_registered_ticket_removes_that_device_alone(
    notifications, fake_providers
):
    account = await create_account()
    colleague = await create_account_user(account)
    phone = await create_device(colleague)
    gone = await create_device(colleague, kind=PushKind.EXPO, token=expo_token(), name="Old")
    fake_providers.queue("expo", expo_device_not_registered(gone.token))

    delivery = await settled((await push_to_user(notifications, account, colleague)).json()["id"])

    assert delivery.status == "sent"
    assert delivery.reason == (
        f'not sent to 1 of 2 devices: Old: "{gone.token}" is not a registered push '
        "notification recipient (DeviceNotRegistered)"
    )
    assert await PushDevice.get(gone.id) is None
    assert await PushDevice.get(phone.id) is not None


async def test_a_retry_sends_only_to_the_devices_still_waiting(notifications, fake_providers):
    account = await create_account()
    colleague = await create_account_user(account)
    newer = await create_device(colleague)
    older = await create_device(colleague, last_seen_at=an_hour_ago())
    # The newer device's first send meets a busy FCM; the older one's goes through.
    fake_providers.queue("fcm", google_error(503, "UNAVAILABLE", "The service is unavailable."))

    delivery = await settled((await push_to_user(notifications, account, colleague)).json()["id"])

    sent_to = [request.json()["message"]["token"] for request in fake_providers.requests["fcm"]]
    assert sent_to == [newer.token, older.token, newer.token]
    assert (delivery.status, delivery.attempts) == ("sent", 2)
    assert [device.status for device in delivery.devices] == ["sent", "sent"]


async def test_a_device_left_unavailable_fails_once_the_tries_are_used_up(
    notifications, fake_providers
):
    account = await create_account()
    colleague = await create_account_user(account)
    await create_device(colleague)
    busy = google_error(503, "UNAVAILABLE", "The service is unavailable.")
    fake_providers.queue("fcm", busy, busy, busy)

    delivery = await settled((await push_to_user(notifications, account, colleague)).json()["id"])

    assert delivery.status == "failed"
    assert delivery.reason == (
        "Pixel 8: gave up after 3 tries: 503 UNAVAILABLE: The service is unavailable."
    )
    assert len(fake_providers.requests["fcm"]) == 3


async def test_a_device_that_changed_hands_before_its_turn_is_not_sent_to(
    notifications, fake_providers
):
    account = await create_account()
    colleague = await create_account_user(account)
    phone = await create_device(colleague)
    delivery = await create_delivery(
        account,
        channel=Channel.PUSH,
        to="",
        user_id=str(colleague.id),
        devices=[DevicePush(device_id=phone.id, kind=phone.kind, token=phone.token, name="Pixel")],
    )
    phone.user_id = (await create_user()).id
    await phone.save()

    await send_delivery(str(delivery.id), notifications.app.state.providers, max_attempts=3)

    await delivery.sync()
    assert (delivery.status, delivery.reason) == (
        "failed",
        "Pixel: the device is no longer registered",
    )
    assert fake_providers.requests["fcm"] == []


async def test_a_dead_token_a_service_named_removes_its_device(notifications, fake_providers):
    account = await create_account()
    colleague = await create_account_user(account)
    phone = await create_device(colleague)
    fake_providers.queue("fcm", fcm_unregistered())

    answer = await notifications.post(
        "/v1/notifications/push",
        json={"to": phone.token, "event": "new_lead", "data": LEAD, "account_id": str(account.id)},
        headers=service_headers(),
    )

    delivery = await settled(answer.json()["id"])
    assert (delivery.status, delivery.provider) == ("failed", "fcm")
    assert "UNREGISTERED" in delivery.reason
    assert await PushDevice.get(phone.id) is None


async def test_a_push_to_devices_goes_to_the_outbox_without_provider_keys(
    unconfigured, fake_providers
):
    account = await create_account()
    colleague = await create_account_user(account)
    await create_device(colleague)
    await create_device(colleague, kind=PushKind.EXPO, token=expo_token())

    delivery = await settled((await push_to_user(unconfigured, account, colleague)).json()["id"])

    assert [device.provider for device in delivery.devices] == ["outbox", "outbox"]
    assert delivery.status == "sent"
    assert fake_providers.requests == {}


async def test_a_bad_answer_is_not_a_dead_token(notifications, fake_providers):
    account = await create_account()
    colleague = await create_account_user(account)
    phone = await create_device(colleague)
    fake_providers.queue("fcm", httpx.Response(400, json={}))

    delivery = await settled((await push_to_user(notifications, account, colleague)).json()["id"])

    assert (delivery.status, delivery.reason) == ("failed", "Pixel 8: 400")
    assert await PushDevice.get(phone.id) is not None
