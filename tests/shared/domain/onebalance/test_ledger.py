"""The ledger's one write path: every movement balanced, applied to the cache once, and the
cache equal to the ledger's sum whatever interleaves."""

import asyncio

import pytest

from shared.domain.onebalance import ledger
from shared.domain.onebalance.charging import Usage, charge, usage_movement
from shared.domain.onebalance.errors import InsufficientBalance
from shared.domain.onebalance.rates import MeteredAction
from shared.models.onebalance_movement import OnebalanceMovement
from shared.models.onebalance_wallet import OnebalanceWallet
from tests.factories import create_account, create_sub_account
from tests.onebalance_factories import create_wallet, leave_pending

CONCURRENT_CHARGES = 10_000
BATCH = 20


async def client_wallet(balance: int, **fields) -> OnebalanceWallet:
    agency = await create_account()
    return await create_wallet(await create_sub_account(agency), balance, **fields)


def sms(key: str, segments: int = 1) -> Usage:
    return Usage(MeteredAction.SMS_SEGMENT, segments, key)


async def test_ten_thousand_concurrent_charges_leave_the_ledger_balanced(outbox):
    wallet = await client_wallet(CONCURRENT_CHARGES * 2, markup_bp=5_000)
    keys = [f"sms:{number}" for number in range(CONCURRENT_CHARGES)]

    for start in range(0, CONCURRENT_CHARGES, BATCH):
        batch = keys[start : start + BATCH]
        await asyncio.gather(*(charge(wallet.account_id, sms(key)) for key in batch))

    checked = await ledger.check(wallet)
    # 1 cent a segment, plus the agency's 50 %, rounded half away from zero: 2 cents each.
    assert (checked.cached, checked.derived, checked.unbalanced, checked.pending) == (0, 0, 0, 0)


async def test_concurrent_charges_past_the_balance_are_refused_and_the_rest_kept(outbox):
    wallet = await client_wallet(10)

    outcomes = await asyncio.gather(
        *(charge(wallet.account_id, sms(f"sms:{n}")) for n in range(15)), return_exceptions=True
    )

    refused = [o for o in outcomes if isinstance(o, InsufficientBalance)]
    checked = await ledger.check(wallet)
    assert (len(refused), checked.cached, checked.derived, checked.consistent) == (5, 0, 0, True)


async def test_a_charge_retried_is_charged_once(outbox):
    wallet = await client_wallet(100)

    first = await charge(wallet.account_id, sms("sms:d1", segments=3))
    again = await charge(wallet.account_id, sms("sms:d1", segments=3))

    checked = await ledger.check(wallet)
    assert (first.applied, again.applied, again.movement.id) == (True, False, "sms:d1")
    assert (checked.cached, checked.derived) == (97, 97)


async def test_a_charge_retried_after_its_worker_died_half_way_is_finished_once(outbox):
    wallet = await client_wallet(100)
    movement = usage_movement(wallet, sms("sms:d2", segments=4))
    # The worker moved the balance and died before storing the movement.
    await leave_pending(wallet, movement)

    again = await charge(wallet.account_id, sms("sms:d2", segments=4))

    checked = await ledger.check(wallet)
    assert (again.applied, await OnebalanceMovement.find({"_id": "sms:d2"}).count()) == (False, 1)
    assert (checked.cached, checked.derived, checked.pending) == (96, 96, 0)


async def test_a_charge_the_balance_cannot_cover_changes_nothing(outbox):
    wallet = await client_wallet(2)

    with pytest.raises(InsufficientBalance) as refused:
        await charge(wallet.account_id, sms("sms:d3", segments=3))

    checked = await ledger.check(wallet)
    assert refused.value.code == "insufficient_balance"
    assert (checked.cached, checked.derived, await ledger.stored("sms:d3")) == (2, 2, None)


async def test_an_account_without_a_wallet_is_not_metered(outbox):
    account = await create_account()

    assert await charge(account.id, sms("sms:d4")) is None


async def test_every_wallet_is_checked_against_the_whole_ledger_at_once(outbox):
    wallets = [await client_wallet(50) for _ in range(2)]
    for number, wallet in enumerate(wallets):
        await charge(wallet.account_id, sms(f"sms:w{number}", segments=number + 1))

    assert await ledger.check_all() == (2, 2, 0)
