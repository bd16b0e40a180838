"""Usage charges: the rate card plus the agency's markup, rounded once; the low-balance alert
told once per fall; a charge taken back once; the month's number rentals charged once; a
charge a dead worker left pending finished by the cron."""

from datetime import timedelta

import pytest

from shared.domain.onebalance import ledger, repository, settle
from shared.domain.onebalance.charging import Usage, charge, require_cover, reverse, usage_movement
from shared.domain.onebalance.credits import agency_credit
from shared.domain.onebalance.errors import InsufficientBalance
from shared.domain.onebalance.rates import MeteredAction, price_of
from shared.models.base import utc_now
from shared.models.onebalance_wallet import OnebalanceWallet
from shared.models.twilio_number import TwilioNumber
from tests.factories import create_account, create_signed_in, create_sub_account
from tests.onebalance_factories import create_wallet
from tests.shared.domain.held import platform_messages


@pytest.mark.parametrize(
    ("action", "quantity", "markup_bp", "cost", "markup"),
    [
        (MeteredAction.SMS_SEGMENT, 3, 0, 3, 0),
        (MeteredAction.SMS_SEGMENT, 3, 2_500, 3, 1),  # 3.75 -> 4: half away from zero
        (MeteredAction.AI_TOKENS, 1_500, 0, 2, 0),  # 1.5 cents -> 2
        (MeteredAction.AI_TOKENS, 1_400, 10_000, 1, 2),  # cost 1.4 -> 1, total 2.8 -> 3
        (MeteredAction.NUMBER_RENTAL, 1, 1_000, 115, 12),  # 126.5 -> 127
    ],
)
def test_a_price_is_rounded_once_and_cost_plus_markup_is_the_total(
    action, quantity, markup_bp, cost, markup
):
    price = price_of(action, quantity, "USD", markup_bp)

    assert (price.cost, price.markup) == (cost, markup)


async def test_a_usage_pays_the_platform_its_cost_and_the_agency_its_markup(outbox):
    agency = await create_account()
    wallet = await create_wallet(await create_sub_account(agency), 100, markup_bp=5_000)

    recorded = await charge(wallet.account_id, Usage(MeteredAction.CALL_MINUTE, 3, "call:1"))

    entries = {entry.ledger: entry.amount for entry in recorded.movement.entries}
    assert entries == {wallet.ledger: -9, "platform:usage": 6, f"agency:{agency.id}:markup": 3}


async def test_the_low_balance_alert_is_told_once_per_fall(outbox):
    owner = await create_signed_in()
    wallet = await create_wallet(owner.account, 6, low_balance_threshold=5)

    for key in ("sms:1", "sms:2", "sms:3"):
        await charge(owner.account.id, Usage(MeteredAction.SMS_SEGMENT, 1, key))
    await agency_credit(await OnebalanceWallet.get(wallet.id), "credit:1", 10, "")
    await charge(owner.account.id, Usage(MeteredAction.SMS_SEGMENT, 10, "sms:4"))

    told = [("onebalance_low_balance", "email", str(owner.user.id))]
    assert platform_messages(outbox) == told * 2


async def test_a_charge_taken_back_twice_is_given_back_once(outbox):
    wallet = await create_wallet(await create_account(), 10)
    await charge(wallet.account_id, Usage(MeteredAction.EMAIL, 1, "email:1"))

    await reverse(wallet.account_id, "email:1", "bounced")
    await reverse(wallet.account_id, "email:1", "bounced")

    checked = await ledger.check(wallet)
    assert (checked.cached, checked.derived) == (10, 10)


async def test_a_cover_check_refuses_what_the_balance_cannot_pay_at_most(outbox):
    wallet = await create_wallet(await create_account(), 1)

    with pytest.raises(InsufficientBalance):
        await require_cover(wallet.account_id, MeteredAction.AI_TOKENS, 2_000)


async def test_a_number_rental_is_charged_once_a_month(outbox):
    wallet = await create_wallet(await create_account(), 500)
    number = TwilioNumber(
        account_id=wallet.account_id, phone_number="+15550100", sid="PN1", twilio_account_sid="AC1"
    )
    await number.insert()
    now = utc_now()

    first = await settle.charge_number_rentals(now, limit=10)
    again = await settle.charge_number_rentals(now, limit=10)

    checked = await ledger.check(wallet)
    assert (first, again, checked.cached, checked.derived) == (1, 0, 385, 385)


async def test_the_cron_finishes_a_charge_a_dead_worker_left_pending(outbox):
    wallet = await create_wallet(await create_account(), 50)
    movement = usage_movement(wallet, Usage(MeteredAction.EMAIL, 1, "email:died"))
    died = {**movement.model_dump(by_alias=True), "created_at": utc_now() - timedelta(minutes=10)}
    pending = {"key": movement.id, "delta": -1, "movement": died}
    await repository.apply(wallet.id, movement.id, -1, 0, pending)

    finished = await settle.finish_stale(utc_now(), limit=10)

    checked = await ledger.check(wallet)
    assert (finished, checked.cached, checked.derived, checked.pending) == (1, 49, 49, 0)
