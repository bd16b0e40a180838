"""Call minutes: every minute begun billed whole, at the rate card plus the agency's markup,
once per call, even past a zero balance (the call happened)."""

import pytest

from shared.domain.onebalance import ledger
from shared.domain.onebalance.calls import call_minutes, charge_call
from shared.models.onebalance_movement import OnebalanceMovement
from shared.models.onebalance_wallet import OnebalanceWallet
from tests.factories import create_account, create_sub_account
from tests.onebalance_factories import create_wallet


@pytest.mark.parametrize(
    ("seconds", "minutes"), [(0, 0), (1, 1), (59, 1), (60, 1), (61, 2), (3_600, 60)]
)
def test_every_minute_begun_is_billed_whole(seconds, minutes):
    assert call_minutes(seconds) == minutes


async def test_a_call_is_charged_its_minutes_at_the_rate_with_the_markup(outbox):
    agency = await create_account()
    wallet = await create_wallet(await create_sub_account(agency), 100, markup_bp=2_500)

    await charge_call(wallet.account_id, "CA1", 150, "a call")  # 3 minutes, 2 cents each

    movement = await OnebalanceMovement.get("call:CA1")
    entries = {entry.ledger: entry.amount for entry in movement.entries}
    assert (movement.action, movement.quantity) == ("call_minute", 3)
    assert entries == {wallet.ledger: -8, "platform:usage": 6, f"agency:{agency.id}:markup": 2}
    assert (await OnebalanceWallet.get(wallet.id)).balance == 92


async def test_a_call_charged_twice_is_charged_once(outbox):
    wallet = await create_wallet(await create_account(), 100)

    first = await charge_call(wallet.account_id, "CA1", 61, "a call")
    again = await charge_call(wallet.account_id, "CA1", 61, "a call")

    assert (first.applied, again.applied) == (True, False)
    checked = await ledger.check(wallet)
    assert (checked.cached, checked.derived, checked.consistent) == (96, 96, True)


async def test_a_call_past_a_zero_balance_is_charged_all_the_same(outbox):
    wallet = await create_wallet(await create_account(), 1)

    await charge_call(wallet.account_id, "CA1", 120, "a call")

    assert (await OnebalanceWallet.get(wallet.id)).balance == -3


async def test_a_call_that_never_connected_costs_nothing(outbox):
    wallet = await create_wallet(await create_account(), 10)

    recorded = await charge_call(wallet.account_id, "CA1", 0, "a call")

    assert recorded is None
    assert await OnebalanceMovement.get("call:CA1") is None
    assert (await OnebalanceWallet.get(wallet.id)).balance == 10
