"""What follows a balance going down: the low-balance alert (told once each time the balance
falls below the account's threshold) and, when the balance has just crossed the auto-reload
threshold, a reload job (the reload cron catches any crossing this missed)."""

from shared.domain.onebalance import repository
from shared.domain.onebalance.notices import tell_low_balance
from shared.models.onebalance_wallet import OnebalanceWallet
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import ONEBALANCE_BALANCE_RELOAD_STREAM_RELOAD


async def after_spending(wallet: OnebalanceWallet, balance: int, delta: int) -> None:
    threshold = wallet.low_balance_threshold
    if threshold and balance < threshold and await repository.claim_low_balance_alert(wallet):
        await tell_low_balance(wallet, balance)
    reload = wallet.auto_reload
    if reload.enabled and balance < reload.threshold <= balance - delta:
        enqueue_job(
            ONEBALANCE_BALANCE_RELOAD_STREAM_RELOAD,
            wallet_id=str(wallet.id),
            account_id=str(wallet.account_id),
        )


async def after_crediting(wallet: OnebalanceWallet, balance: int) -> None:
    """Back above the alert threshold: the next fall below it is told again."""
    if wallet.low_balance_alerted and balance >= wallet.low_balance_threshold:
        await repository.rearm_low_balance_alert(wallet)
