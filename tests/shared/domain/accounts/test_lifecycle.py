"""The account lifecycle's domain: holding an account's work while it is not active, and
releasing it when it is active again, whoever reactivates it."""

from datetime import timedelta

import pytest

from shared.domain.accounts import lifecycle, repository
from shared.models.account import Account, AccountStatus
from shared.models.automation import AddTag
from shared.models.automation_log import AutomationLog, RunStatus
from shared.models.base import utc_now
from shared.models.webhook_delivery import DeliveryStatus, WebhookDelivery
from shared.utilities.redis import create_redis
from shared.utilities.settings import ServiceSettings
from tests.factories import create_account, create_contact, create_sub_account
from tests.queue_manager.triggers.factories import create_run
from tests.queue_manager.webhooks.factories import create_delivery, create_subscription


@pytest.fixture
async def redis():
    client = create_redis(ServiceSettings().redis_url)
    yield client
    await client.aclose()


async def suspended_client() -> Account:
    return await create_sub_account(await create_account(), status=AccountStatus.SUSPENDED)


async def test_the_work_of_an_active_account_is_not_held(mongo):
    client = await create_sub_account(await create_account())
    asked: list[bool] = []

    async def hold() -> None:
        asked.append(True)

    assert await lifecycle.hold_if_closed(client.id, hold) is False
    assert asked == []


async def test_the_work_of_a_suspended_account_is_held(mongo):
    client = await suspended_client()
    delivery = await create_delivery(await create_subscription(client))

    held = await lifecycle.hold_if_closed(
        client.id, lambda: repository.hold_deliveries([delivery.id])
    )

    assert held is True
    stored = await WebhookDelivery.get(delivery.id)
    assert (stored.status, stored.holds) == (DeliveryStatus.HELD, 1)


async def test_work_held_just_as_the_account_was_reactivated_is_released_at_once(mongo):
    client = await suspended_client()
    delivery = await create_delivery(await create_subscription(client))

    async def hold_while_a_reactivation_lands() -> None:
        await repository.hold_deliveries([delivery.id])
        # The reactivation's status written after the check, its release before the hold.
        await repository.change_status(
            client.id, [AccountStatus.SUSPENDED], AccountStatus.ACTIVE, utc_now(), None
        )

    await lifecycle.hold_if_closed(client.id, hold_while_a_reactivation_lands)

    stored = await WebhookDelivery.get(delivery.id)
    assert stored.status is DeliveryStatus.PENDING
    assert stored.next_attempt_at is not None


async def test_reactivation_releases_held_deliveries_due_now_and_held_runs_pending(mongo, redis):
    client = await suspended_client()
    delivery = await create_delivery(await create_subscription(client))
    run = await create_run(client, await create_contact(client), [AddTag(tag="hot")])
    await repository.hold_deliveries([delivery.id])
    await repository.hold_run(run.id)

    await lifecycle.reactivate(redis, client)

    released = await WebhookDelivery.get(delivery.id)
    assert released.status is DeliveryStatus.PENDING
    assert released.next_attempt_at <= utc_now()
    assert (await AutomationLog.get(run.id)).status is RunStatus.PENDING


async def test_reactivation_releases_no_other_accounts_held_work(mongo, redis):
    client, other = await suspended_client(), await suspended_client()
    delivery = await create_delivery(await create_subscription(other))
    await repository.hold_deliveries([delivery.id])

    await lifecycle.reactivate(redis, client)

    assert (await WebhookDelivery.get(delivery.id)).status is DeliveryStatus.HELD


async def test_a_run_held_once_is_run_by_a_job_of_its_own(mongo):
    client = await suspended_client()
    run = await create_run(client, await create_contact(client), [AddTag(tag="hot")])

    await repository.hold_run(run.id)

    assert (await AutomationLog.get(run.id)).task_id == f"{run.id}.held-1"
    assert run.task_id == str(run.id)


async def test_accounts_ended_past_the_grace_period_are_suspended_with_the_reason(mongo, redis):
    ended = await create_sub_account(
        await create_account(), active_until=utc_now() - timedelta(days=8)
    )

    suspended = await lifecycle.suspend_ended(redis, timedelta(days=7), batch=1)

    assert suspended == 1
    stored = await Account.get(ended.id)
    assert stored.status is AccountStatus.SUSPENDED
    assert stored.status_reason == f"Its active period ended on {ended.active_until:%Y-%m-%d}."


async def test_every_ended_account_is_suspended_whatever_the_batch(mongo, redis):
    agency = await create_account()
    for days in (8, 9, 10):
        await create_sub_account(agency, active_until=utc_now() - timedelta(days=days))

    suspended = await lifecycle.suspend_ended(redis, timedelta(days=7), batch=2)

    assert suspended == 3
    assert await Account.find({"status": "suspended"}).count() == 3


async def test_an_account_stored_before_statuses_existed_is_active_and_can_be_suspended(
    mongo, redis
):
    client = await create_sub_account(await create_account())
    await Account.get_motor_collection().update_one({"_id": client.id}, {"$unset": {"status": ""}})

    suspended = await lifecycle.suspend(redis, client, "Unpaid")

    assert suspended.status is AccountStatus.SUSPENDED
