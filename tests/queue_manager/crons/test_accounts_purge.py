"""The purge cron removes the accounts deleted more than 30 days ago with every tenant
document they own, keeps the others, and may run twice or stop half-way."""

import os
import uuid
from datetime import timedelta

import anyio
import pytest

from queue_manager.celery import app
from shared.domain.accounts import purge, repository
from shared.domain.accounts.lifecycle import RESTORE_PERIOD
from shared.models.account import Account, AccountStatus
from shared.models.base import utc_now
from shared.models.contact import Contact
from shared.models.membership import Membership
from shared.models.webhook_delivery import WebhookDelivery
from shared.utilities.tasks import TaskSender
from tests.factories import create_account, create_contact, create_signed_in, create_sub_account
from tests.queue_manager.webhooks.factories import create_delivery, create_subscription

WAIT_SECONDS = 30


@pytest.fixture
def sender():
    tasks = TaskSender(os.environ["REDIS_URL"])
    yield tasks
    tasks.close()


async def run_purge(sender: TaskSender) -> int:
    task_id = await sender.send("accounts_purge.delete_expired", {}, uuid.uuid4().hex)
    result = app.AsyncResult(task_id)
    return await anyio.to_thread.run_sync(lambda: result.get(timeout=WAIT_SECONDS))


async def deleted_with_data(days_ago: float) -> Account:
    """A deleted sub-account with a member, contacts and a webhook delivery."""
    since = utc_now() - timedelta(days=days_ago)
    client = await create_sub_account(
        await create_account(), status=AccountStatus.DELETED, status_since=since
    )
    await create_signed_in(account=client)
    for _ in range(3):
        await create_contact(client)
    await create_delivery(await create_subscription(client))
    return client


async def documents_of(account: Account) -> dict[str, int]:
    return {
        model.__name__: await model.find({"account_id": account.id}).count()
        for model in (Contact, Membership, WebhookDelivery)
    }


NOTHING = {"Contact": 0, "Membership": 0, "WebhookDelivery": 0}


async def test_an_account_deleted_past_the_restore_period_is_purged_with_its_data(worker, sender):
    expired = await deleted_with_data(days_ago=RESTORE_PERIOD.days + 1)

    purged = await run_purge(sender)

    assert purged == 1
    assert await Account.get(expired.id) is None
    assert await documents_of(expired) == NOTHING


async def test_accounts_deleted_recently_active_or_suspended_are_kept_with_their_data(
    worker, sender
):
    recent = await deleted_with_data(days_ago=RESTORE_PERIOD.days - 1)
    active = await create_signed_in()
    await create_contact(active.account)
    suspended = await create_sub_account(
        active.account, status=AccountStatus.SUSPENDED, status_since=utc_now() - timedelta(days=90)
    )

    purged = await run_purge(sender)

    assert purged == 0
    assert (await Account.get(recent.id)).status is AccountStatus.DELETED
    assert await documents_of(recent) == {"Contact": 3, "Membership": 1, "WebhookDelivery": 1}
    assert await Contact.find({"account_id": active.account.id}).count() == 1
    assert await Account.get(suspended.id)


async def test_a_second_run_finds_nothing_to_purge_and_keeps_the_rest(worker, sender):
    await deleted_with_data(days_ago=RESTORE_PERIOD.days + 1)
    kept = await deleted_with_data(days_ago=1)
    await run_purge(sender)

    purged_again = await run_purge(sender)

    assert purged_again == 0
    assert await documents_of(kept) == {"Contact": 3, "Membership": 1, "WebhookDelivery": 1}


async def test_a_purge_stopped_before_its_end_is_finished_by_the_next_run(
    worker, sender, monkeypatch
):
    expired = await deleted_with_data(days_ago=RESTORE_PERIOD.days + 1)
    finish = repository.delete_deleted_account

    async def stop_before_the_account(account_id):
        raise RuntimeError("the worker was stopped")

    monkeypatch.setattr(repository, "delete_deleted_account", stop_before_the_account)
    with pytest.raises(RuntimeError):
        await purge.purge(expired.id)
    monkeypatch.setattr(repository, "delete_deleted_account", finish)

    purged = await run_purge(sender)

    assert purged == 1
    assert await Account.get(expired.id) is None
    assert await documents_of(expired) == NOTHING


async def test_documents_are_deleted_in_batches_until_none_is_left(mongo, monkeypatch):
    monkeypatch.setattr(purge, "DOCUMENTS_PER_BATCH", 2)
    expired = await deleted_with_data(days_ago=RESTORE_PERIOD.days + 1)

    await purge.purge(expired.id)

    assert await documents_of(expired) == NOTHING


def test_every_tenant_document_model_is_purged():
    assert {Contact, Membership, WebhookDelivery} <= set(purge.TENANT_MODELS)
    assert Account not in purge.TENANT_MODELS
