"""The active-account check suspends the accounts whose active period ended more than the grace
period ago, through the same lifecycle as the agency's route, and leaves the others; a second
run changes nothing."""

import os
import uuid
from datetime import timedelta

import anyio
import pytest

from queue_manager.celery import app, settings
from shared.models.account import Account, AccountStatus
from shared.models.base import utc_now
from shared.models.membership import Role
from shared.utilities import sessions
from shared.utilities.redis import create_redis
from shared.utilities.tasks import TaskSender
from tests.factories import create_account, create_signed_in, create_sub_account

WAIT_SECONDS = 30
IDLE = timedelta(days=1)


@pytest.fixture
def sender():
    tasks = TaskSender(os.environ["REDIS_URL"])
    yield tasks
    tasks.close()


@pytest.fixture
async def redis():
    client = create_redis(os.environ["REDIS_URL"])
    yield client
    await client.aclose()


async def check(sender: TaskSender) -> int:
    task_id = await sender.send("check_account_active.suspend_ended", {}, uuid.uuid4().hex)
    result = app.AsyncResult(task_id)
    return await anyio.to_thread.run_sync(lambda: result.get(timeout=WAIT_SECONDS))


async def ended_days_ago(days: float, **overrides) -> Account:
    ended = utc_now() - timedelta(days=days)
    return await create_sub_account(await create_account(), active_until=ended, **overrides)


async def test_an_account_ended_past_the_grace_period_is_suspended_saying_why(worker, sender):
    ended = await ended_days_ago(settings.account_grace_days + 1)

    suspended = await check(sender)

    assert suspended == 1
    stored = await Account.get(ended.id)
    assert stored.status is AccountStatus.SUSPENDED
    assert stored.status_reason.startswith("Its active period ended on")


async def test_accounts_within_their_grace_period_or_without_an_end_stay_active(worker, sender):
    in_grace = await ended_days_ago(settings.account_grace_days - 1)
    endless = await create_sub_account(await create_account())
    ahead = await ended_days_ago(-30)

    suspended = await check(sender)

    assert suspended == 0
    for account in (in_grace, endless, ahead):
        assert (await Account.get(account.id)).status is AccountStatus.ACTIVE


async def test_a_second_run_leaves_the_suspension_as_the_first_made_it(worker, sender):
    ended = await ended_days_ago(settings.account_grace_days + 1)
    await check(sender)
    first = await Account.get(ended.id)

    suspended_again = await check(sender)

    assert suspended_again == 0
    stored = await Account.get(ended.id)
    assert (stored.status, stored.status_since) == (AccountStatus.SUSPENDED, first.status_since)


async def test_a_deleted_account_past_its_end_stays_deleted(worker, sender):
    deleted = await ended_days_ago(settings.account_grace_days + 1, status=AccountStatus.DELETED)

    await check(sender)

    assert (await Account.get(deleted.id)).status is AccountStatus.DELETED


async def test_the_grace_period_is_the_setting(worker, sender, monkeypatch):
    monkeypatch.setattr(settings, "account_grace_days", 0)
    ended = await ended_days_ago(0.5)

    await check(sender)

    assert (await Account.get(ended.id)).status is AccountStatus.SUSPENDED


async def test_the_sessions_acting_in_a_suspended_account_are_refused_at_once(
    worker, sender, redis
):
    ended = await ended_days_ago(settings.account_grace_days + 1)
    member = await create_signed_in(account=ended, role=Role.MEMBER)
    seal = sessions.seal_for(settings)
    assert (await sessions.lookup(redis, member.session_id, IDLE, seal)).closed_account() is None

    await check(sender)

    state = await sessions.lookup(redis, member.session_id, IDLE, seal)
    assert state.closed_account().code == "account_suspended"
