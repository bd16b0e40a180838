"""OneBalance's streams on a real worker: a usage charge delivered twice (a retry, a duplicate)
is charged once; a reload whose card is declined leaves the wallet as it was and keeps why."""

import os
import uuid

import anyio
import pytest

from queue_manager.celery import app
from shared.domain.onebalance import ledger
from shared.models.onebalance_wallet import AutoReload, OnebalanceWallet
from shared.utilities.tasks import TaskSender
from tests.factories import create_signed_in
from tests.onebalance_factories import create_wallet, save_card

WAIT_SECONDS = 30


@pytest.fixture
def sender():
    tasks = TaskSender(os.environ["REDIS_URL"])
    yield tasks
    tasks.close()


async def run(sender: TaskSender, name: str, **kwargs):
    task_id = await sender.send(name, kwargs, uuid.uuid4().hex)
    result = app.AsyncResult(task_id)
    return await anyio.to_thread.run_sync(lambda: result.get(timeout=WAIT_SECONDS))


async def test_a_usage_charge_delivered_twice_is_charged_once(worker, sender):
    owner = await create_signed_in()
    wallet = await create_wallet(owner.account, 100)
    usage = {"account_id": str(owner.account.id), "action": "ai_tokens", "quantity": 4_000}

    first = await run(sender, "onebalance_balance_charge_stream.charge", **usage, key="ai:u1")
    again = await run(sender, "onebalance_balance_charge_stream.charge", **usage, key="ai:u1")

    checked = await ledger.check(wallet)
    assert (first, again) == ({"charged": True, "amount": 4}, {"charged": False, "amount": 4})
    assert (checked.cached, checked.derived) == (96, 96)


async def test_a_reload_with_a_declined_card_changes_nothing_and_keeps_why(worker, sender):
    owner = await create_signed_in()
    await save_card(owner.account, "pm_card_chargeDeclined")
    reload = AutoReload(enabled=True, threshold=500, amount=2_000).model_dump()
    wallet = await create_wallet(owner.account, 100, auto_reload=reload)
    ids = {"wallet_id": str(wallet.id), "account_id": str(owner.account.id)}

    outcome = await run(sender, "onebalance_balance_reload_stream.reload", **ids)

    stored = await OnebalanceWallet.get(wallet.id)
    assert outcome == {"status": "declined", "detail": "Your card was declined."}
    assert (stored.balance, stored.last_reload_failure) == (100, "Your card was declined.")
