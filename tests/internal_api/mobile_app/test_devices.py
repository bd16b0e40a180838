"""/v1/mobile-app/devices: a user registers their devices' push tokens, lists and removes their
own; a token is stored once, whoever registers it last holds it."""

from datetime import timedelta

import pytest

from internal_api.mobile_app.service import MAX_DEVICES
from shared.models.base import utc_now
from shared.models.push_device import PushDevice
from shared.utilities.auth import Principal, TokenKind
from tests.device_factories import create_device, expo_token, fcm_token
from tests.factories import create_account, create_membership, create_signed_in, user_token

DEVICES = "/v1/mobile-app/devices"


@pytest.fixture
async def api(start_api):
    async with start_api() as client:
        yield client


def registration(**overrides) -> dict:
    return {
        "kind": "fcm",
        "token": fcm_token(),
        "install_id": "install-1",
        "name": "Grace's Pixel",
        "platform": "android",
        "app_version": "3.2.0",
        **overrides,
    }


async def test_a_user_registers_a_devices_token(api):
    me = await create_signed_in()
    body = registration()

    answer = await api.post(DEVICES, json=body, headers=me.headers)

    assert answer.status_code == 201, answer.text
    stored = await PushDevice.get(answer.json()["id"])
    assert (stored.user_id, stored.kind, stored.token) == (me.user.id, "fcm", body["token"])
    assert (stored.install_id, stored.name, stored.platform, stored.app_version) == (
        "install-1",
        "Grace's Pixel",
        "android",
        "3.2.0",
    )


async def test_an_expo_push_token_is_registered_too(api):
    me = await create_signed_in()
    token = expo_token()

    answer = await api.post(
        DEVICES, json={"kind": "expo", "token": token, "install_id": "ios-1"}, headers=me.headers
    )

    assert answer.status_code == 201, answer.text
    assert (answer.json()["kind"], answer.json()["token"]) == ("expo", token)


async def test_registering_the_same_token_again_updates_the_device(api):
    me = await create_signed_in()
    body = registration()
    first = await api.post(DEVICES, json=body, headers=me.headers)

    again = await api.post(
        DEVICES, json={**body, "name": "Work phone", "app_version": "3.3.0"}, headers=me.headers
    )

    assert again.status_code == 200, again.text
    assert again.json()["id"] == first.json()["id"]
    (stored,) = await PushDevice.find({"token": body["token"]}).to_list()
    assert (stored.name, stored.app_version) == ("Work phone", "3.3.0")
    assert stored.last_seen_at >= stored.created_at


async def test_a_token_registered_by_another_user_moves_to_them(api):
    previous_owner, new_owner = await create_signed_in(), await create_signed_in()
    device = await create_device(previous_owner.user)

    answer = await api.post(
        DEVICES, json=registration(token=device.token), headers=new_owner.headers
    )

    assert answer.status_code == 200, answer.text
    (stored,) = await PushDevice.find({"token": device.token}).to_list()
    assert stored.user_id == new_owner.user.id
    listed = await api.get(DEVICES, headers=previous_owner.headers)
    assert listed.json()["data"] == []


async def test_a_new_token_for_the_same_install_replaces_the_old_one(api):
    me = await create_signed_in()
    old = await create_device(me.user, install_id="install-1")

    answer = await api.post(DEVICES, json=registration(install_id="install-1"), headers=me.headers)

    assert answer.status_code == 201, answer.text
    assert await PushDevice.get(old.id) is None
    assert await PushDevice.find({"user_id": me.user.id}).count() == 1


async def test_a_user_keeps_their_most_recently_seen_devices(api):
    me = await create_signed_in()
    long_ago = utc_now() - timedelta(days=90)
    oldest = await create_device(me.user, last_seen_at=long_ago)
    for day in range(1, MAX_DEVICES):
        await create_device(me.user, last_seen_at=long_ago + timedelta(days=day))

    answer = await api.post(DEVICES, json=registration(), headers=me.headers)

    assert answer.status_code == 201, answer.text
    assert await PushDevice.find({"user_id": me.user.id}).count() == MAX_DEVICES
    assert await PushDevice.get(oldest.id) is None


async def test_the_list_holds_only_the_callers_devices_most_recently_seen_first(api):
    me, colleague = await create_signed_in(), await create_signed_in()
    older = await create_device(me.user, last_seen_at=utc_now() - timedelta(days=1))
    newer = await create_device(me.user)
    await create_device(colleague.user)

    answer = await api.get(DEVICES, headers=me.headers)

    assert answer.status_code == 200
    assert [item["id"] for item in answer.json()["data"]] == [str(newer.id), str(older.id)]


async def test_devices_are_the_users_in_every_account_they_act_in(api):
    me = await create_signed_in()
    other_account = await create_account()
    await create_membership(other_account, me.user)
    device = await create_device(me.user)
    acting_elsewhere = Principal(
        kind=TokenKind.USER, sub=str(me.user.id), account_id=str(other_account.id)
    )

    answer = await api.get(
        DEVICES, headers={"authorization": f"Bearer {user_token(acting_elsewhere)}"}
    )

    assert [item["id"] for item in answer.json()["data"]] == [str(device.id)]


async def test_a_user_removes_one_of_their_devices(api):
    me = await create_signed_in()
    device = await create_device(me.user)

    answer = await api.delete(f"{DEVICES}/{device.id}", headers=me.headers)

    assert answer.status_code == 204
    assert await PushDevice.get(device.id) is None


async def test_another_users_device_answers_404_and_stays(api):
    me, stranger = await create_signed_in(), await create_signed_in()
    device = await create_device(stranger.user)

    answer = await api.delete(f"{DEVICES}/{device.id}", headers=me.headers)

    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "not_found"
    assert await PushDevice.get(device.id) is not None


@pytest.mark.parametrize(
    ("kind", "token"),
    [
        ("expo", "ExponentPushToken[]"),
        ("expo", "ExponentPushToken[abc def]"),
        ("expo", "abc123"),
        ("expo", fcm_token()),
        ("fcm", expo_token()),
        ("fcm", "too-short"),
        ("fcm", "a" * 64),  # an APNs device token's length, not FCM's
        ("fcm", fcm_token()[:120] + "/+" + "a" * 20),
        ("fcm", "a" * 4097),
    ],
    # Named by position: the random tokens would name the cases differently in each xdist worker.
    ids=lambda value: None if value in ("expo", "fcm") else "token",
)
async def test_a_token_not_of_its_kinds_shape_answers_422_and_nothing_is_stored(api, kind, token):
    me = await create_signed_in()

    answer = await api.post(DEVICES, json=registration(kind=kind, token=token), headers=me.headers)

    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "validation_error"
    assert [detail["field"] for detail in answer.json()["error"]["details"]] == ["body.token"]
    assert await PushDevice.find_all().count() == 0


async def test_an_unknown_kind_answers_422_naming_it(api):
    me = await create_signed_in()

    answer = await api.post(DEVICES, json=registration(kind="apns"), headers=me.headers)

    assert answer.status_code == 422
    assert [detail["field"] for detail in answer.json()["error"]["details"]] == ["body.kind"]
    assert await PushDevice.find_all().count() == 0


async def test_registering_needs_a_signed_in_user(api):
    answer = await api.post(DEVICES, json=registration())

    assert answer.status_code == 401
    assert await PushDevice.find_all().count() == 0
