"""Auto-reload: a wallet below its threshold topped up by card once per window; a declined card
leaves the wallet as it was, is kept on it and told to the account's members; a retried reload
charges and credits once."""

from datetime import timedelta

from shared.domain.onebalance import ledger
from shared.domain.onebalance.charging import Usage, charge
from shared.domain.onebalance.rates import MeteredAction
from shared.domain.onebalance.reload import reload, reload_due
from shared.models.base import utc_now
from shared.models.onebalance_movement import MovementKind, OnebalanceMovement
from shared.models.onebalance_wallet import AutoReload, OnebalanceWallet
from shared.utilities.task_names import ONEBALANCE_BALANCE_RELOAD_STREAM_RELOAD
from tests.factories import create_signed_in
from tests.onebalance_factories import create_wallet, save_card
from tests.shared.domain.held import platform_messages

RELOAD = AutoReload(enabled=True, threshold=500, amount=2_000, window_minutes=60)


async def wallet_below_threshold(card: str = "pm_card_visa") -> tuple[OnebalanceWallet, object]:
    owner = await create_signed_in()
    await save_card(owner.account, card)
    wallet = await create_wallet(owner.account, 100, auto_reload=RELOAD.model_dump())
    return wallet, owner


async def test_a_wallet_below_its_threshold_is_reloaded_by_card(outbox, payments, told):
    wallet, _ = await wallet_below_threshold()

    outcome = await reload(payments, str(wallet.id), str(wallet.account_id), utc_now())

    checked = await ledger.check(wallet)
    [movement] = await OnebalanceMovement.find({"kind": MovementKind.RELOAD.value}).to_list()
    assert (outcome.status, checked.cached, checked.consistent) == ("reloaded", 2_100, True)
    assert movement.payment_reference == told[0]["data"]["object"]["id"]
    assert told[0]["type"] == "payment_intent.succeeded"


async def test_a_declined_card_leaves_the_wallet_as_it_was_and_tells_the_members(outbox, payments):
    wallet, owner = await wallet_below_threshold("pm_card_chargeDeclined")

    outcome = await reload(payments, str(wallet.id), str(wallet.account_id), utc_now())

    stored = await OnebalanceWallet.get(wallet.id)
    assert (outcome.status, stored.balance, stored.reload_key) == ("declined", 100, None)
    assert stored.last_reload_failure == "Your card was declined."
    assert platform_messages(outbox) == [("onebalance_reload_failed", "email", str(owner.user.id))]
    assert await OnebalanceMovement.find({"kind": MovementKind.RELOAD.value}).count() == 0


async def test_a_wallet_is_reloaded_at_most_once_per_window(outbox, payments):
    wallet, _ = await wallet_below_threshold("pm_card_chargeDeclined")
    now = utc_now()
    await reload(payments, str(wallet.id), str(wallet.account_id), now)

    within = await reload(
        payments, str(wallet.id), str(wallet.account_id), now + timedelta(minutes=59)
    )
    after = await reload_due(payments, now + timedelta(minutes=61), limit=10)

    assert (within.status, after) == ("skipped", {"reloaded": 0, "declined": 1, "skipped": 0})


async def test_a_reload_its_worker_died_in_is_resumed_and_charged_once(outbox, payments, told):
    wallet, _ = await wallet_below_threshold()
    # The worker claimed the reload, charged the card and died before crediting.
    await wallet.set({"reload_key": "reload:died", "last_reload_at": utc_now()})
    await payments.charge_off_session(
        "cus", "pm_card_visa", 2_000, "USD", "onebalance:reload:died", "OneBalance reload"
    )

    outcome = await reload(payments, str(wallet.id), str(wallet.account_id), utc_now())

    checked = await ledger.check(wallet)
    assert (outcome.status, checked.cached, checked.consistent, len(told)) == (
        "reloaded",
        2_100,
        True,
        1,
    )


async def test_a_charge_crossing_the_threshold_asks_for_a_reload(outbox):
    owner = await create_signed_in()
    wallet = await create_wallet(owner.account, 501, auto_reload=RELOAD.model_dump())

    await charge(owner.account.id, Usage(MeteredAction.SMS_SEGMENT, 1, "sms:a"))
    await charge(owner.account.id, Usage(MeteredAction.SMS_SEGMENT, 1, "sms:b"))

    reloads = [
        job.kwargs
        for job in outbox.jobs
        if job.name == ONEBALANCE_BALANCE_RELOAD_STREAM_RELOAD.name
    ]
    assert reloads == [{"wallet_id": str(wallet.id), "account_id": str(owner.account.id)}]
