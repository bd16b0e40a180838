"""The body of `scripts.bench.billing` (imported once REDIS_URL is set)."""

import asyncio
import os
import time

import anyio
from celery.contrib.testing.worker import start_worker

from queue_manager.celery import app
from shared.domain.onebalance import credits, ledger
from shared.domain.onebalance.charging import Usage, charge
from shared.domain.onebalance.rates import MeteredAction
from shared.domain.onebalance.wallets import open_wallet
from shared.models.account import Account, AccountKind
from shared.models.onebalance_wallet import OnebalanceWallet
from shared.utilities import db
from shared.utilities.tasks import TaskSender
from shared.utilities.worker import use_event_loop
from shared.utilities.worker.resources import close_per_loop

QUEUE = "onebalance_balance_charge_stream"
TASK = f"{QUEUE}.charge"
SETTLE_SECONDS = 600


async def funded_wallet(agency: Account, name: str, balance: int) -> OnebalanceWallet:
    client = Account(name=name, kind=AccountKind.SUB_ACCOUNT, parent_id=agency.id)
    await client.insert()
    wallet = await open_wallet(client, "USD")
    await credits.agency_credit(wallet, f"bench-credit:{wallet.id}", balance, "bench")
    return wallet


async def one_wallet(agency: Account, charges: int, batch: int, run_id: str) -> float:
    wallet = await funded_wallet(agency, "one wallet", charges * 10)
    start = time.perf_counter()
    for first in range(0, charges, batch):
        usages = [
            Usage(MeteredAction.SMS_SEGMENT, 1, f"bench:{run_id}:sms:{n}")
            for n in range(first, min(first + batch, charges))
        ]
        await asyncio.gather(*(charge(wallet.account_id, usage) for usage in usages))
    seconds = time.perf_counter() - start
    checked = await ledger.check(wallet)
    print(
        f"one wallet: {charges} charges in {seconds:.2f}s = {charges / seconds:,.0f}/s; "
        f"cached {checked.cached}, ledger {checked.derived}, unbalanced {checked.unbalanced}, "
        f"pending {checked.pending}: {'consistent' if checked.consistent else 'INCONSISTENT'}"
    )
    return charges / seconds


async def through_the_queue(agency: Account, wallets: int, queued: int, run_id: str) -> None:
    funded = [await funded_wallet(agency, f"client {n}", 1_000_000) for n in range(wallets)]
    sender = TaskSender(os.environ["REDIS_URL"])
    use_event_loop(asyncio.get_running_loop())
    worker = start_worker(app, pool="solo", perform_ping_check=False, queues=[QUEUE])
    worker.__enter__()
    try:
        start = time.perf_counter()
        ids = [
            await sender.send(
                TASK,
                {
                    "account_id": str(funded[n % wallets].account_id),
                    "action": MeteredAction.AI_TOKENS.value,
                    "quantity": 2_000,
                    "key": f"bench:{run_id}:ai:{n}",
                },
                f"bench-{run_id}-{n}",
            )
            for n in range(queued)
        ]
        results = [app.AsyncResult(task_id) for task_id in ids]
        await anyio.to_thread.run_sync(lambda: [r.get(timeout=SETTLE_SECONDS) for r in results])
        seconds = time.perf_counter() - start
    finally:
        await asyncio.to_thread(worker.__exit__, None, None, None)
        await close_per_loop()
        sender.close()
    checks = [await ledger.check(wallet) for wallet in funded]
    consistent = sum(check.consistent for check in checks)
    print(
        f"through the queue: {queued} charges over {wallets} wallets in {seconds:.2f}s = "
        f"{queued / seconds:,.0f}/s; {consistent} of {wallets} wallets consistent "
        f"(cache = ledger, every movement balanced)"
    )


async def run(charges: int, batch: int, wallets: int, queued: int, run_id: str) -> None:
    await db.connect(os.environ.get("MONGO_URL", ""), initiator="bench")
    try:
        agency = await Account(name="Bench agency").insert()
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        await one_wallet(agency, charges, batch, run_id)
        await through_the_queue(agency, wallets, queued, run_id)
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    finally:
        await db.disconnect("bench")
