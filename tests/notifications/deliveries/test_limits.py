"""Per-account daily limits on email and SMS: counted atomically, per account and channel."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from beanie import PydanticObjectId

from notifications.deliveries.errors import DailyLimitReached
from notifications.deliveries.limits import DailyCount
from shared.models.notification_delivery import NotificationDelivery
from shared.models.notification_template import Channel
from tests.factories import create_account, create_contact
from tests.notifications.conftest import configured_settings
from tests.notifications.factories import create_account_user, create_preference, headers_for

LEAD = {"lead_name": "Grace", "source": "ads", "lead_url": "https://x.test/l/1"}


async def send_email(client, account, user_id: str):
    return await client.post(
        "/v1/notifications/email",
        json={"user_id": user_id, "event": "new_lead", "data": LEAD},
        headers=headers_for(account),
    )


async def stored(account) -> int:
    return await NotificationDelivery.find({"account_id": account.id}).count()


async def test_an_email_past_the_daily_limit_is_refused_and_not_stored(
    start_notifications, fake_providers
):
    account = await create_account()
    colleague = str((await create_account_user(account)).id)

    async with start_notifications(configured_settings(email_daily_limit=2)) as client:
        sent = [await send_email(client, account, colleague) for _ in range(2)]
        refused = await send_email(client, account, colleague)

    assert [answer.status_code for answer in sent] == [202, 202]
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "daily_limit_reached"
    assert refused.json()["error"]["details"][0]["limit"] == 2
    assert 0 < int(refused.headers["retry-after"]) <= 24 * 3600
    assert await stored(account) == 2


async def test_parallel_sends_cannot_go_past_the_limit_together(start_notifications):
    account = await create_account()
    colleague = str((await create_account_user(account)).id)

    async with start_notifications(configured_settings(email_daily_limit=5)) as client:
        answers = await asyncio.gather(*(send_email(client, account, colleague) for _ in range(15)))

    assert sorted(answer.status_code for answer in answers) == [202] * 5 + [429] * 10
    assert await stored(account) == 5


async def test_each_account_has_its_own_count(start_notifications):
    account, other = await create_account(), await create_account()
    mine = str((await create_account_user(account)).id)
    theirs = str((await create_account_user(other)).id)

    async with start_notifications(configured_settings(email_daily_limit=1)) as client:
        await send_email(client, account, mine)
        answer = await send_email(client, other, theirs)

    assert answer.status_code == 202


async def test_sms_and_email_are_counted_apart(start_notifications):
    account = await create_account()
    colleague = str((await create_account_user(account)).id)
    contact = await create_contact(account, phones=["+14155550100"])

    async with start_notifications(configured_settings(email_daily_limit=1)) as client:
        await send_email(client, account, colleague)
        sms = await client.post(
            "/v1/notifications/sms",
            json={"contact_id": str(contact.id), "event": "new_lead", "data": LEAD},
            headers=headers_for(account),
        )

    assert sms.status_code == 202


async def test_a_suppressed_delivery_is_not_counted(start_notifications):
    account = await create_account()
    opted_out = str((await create_account_user(account)).id)
    colleague = str((await create_account_user(account)).id)
    await create_preference(account, opted_out, channels={"email": False})

    async with start_notifications(configured_settings(email_daily_limit=1)) as client:
        suppressed = await send_email(client, account, opted_out)
        answer = await send_email(client, account, colleague)

    assert suppressed.json()["status"] == "suppressed"
    assert answer.status_code == 202


async def test_the_next_utc_day_starts_a_new_count(notifications):
    redis, account_id = notifications.app.state.redis, str(PydanticObjectId())
    today = datetime(2026, 12, 1, 23, 59, tzinfo=UTC)
    await DailyCount(redis, account_id, Channel.EMAIL, today).take(limit=1)

    tomorrow = DailyCount(redis, account_id, Channel.EMAIL, today + timedelta(minutes=2))
    await tomorrow.take(limit=1)

    with pytest.raises(DailyLimitReached) as raised:
        await DailyCount(redis, account_id, Channel.EMAIL, today).take(limit=1)
    assert raised.value.headers == {"Retry-After": "60"}


async def test_a_count_given_back_frees_its_send(notifications):
    redis, account_id = notifications.app.state.redis, str(PydanticObjectId())
    now = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
    taken = DailyCount(redis, account_id, Channel.SMS, now)
    await taken.take(limit=1)

    await taken.give_back()

    await DailyCount(redis, account_id, Channel.SMS, now).take(limit=1)
