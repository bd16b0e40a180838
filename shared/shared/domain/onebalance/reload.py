"""Auto-reload: a wallet below its threshold topped up by its card, at most once per window.

A reload is claimed by one conditional update (none claimed in the window, or the last one
left half-way), which also names its key; a retried task resumes the claimed reload with the
same key, so the card is charged once (the provider's idempotency key) and credited once (the
movement's). A declined card is kept on the wallet and told to the account's members; the
next try waits for the next window."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from shared.domain.onebalance import repository
from shared.domain.onebalance.errors import CardDeclined, CardRequired
from shared.domain.onebalance.notices import tell_reload_failed
from shared.domain.onebalance.topups import top_up_by_card
from shared.domain.payments.provider import PaymentProvider
from shared.models.onebalance_movement import MovementKind
from shared.models.onebalance_wallet import OnebalanceWallet


@dataclass(frozen=True)
class ReloadOutcome:
    status: str  # reloaded, declined, skipped
    detail: str = ""


async def reload(
    provider: PaymentProvider, wallet_id: str, account_id: str, now: datetime
) -> ReloadOutcome:
    wallet = await repository.WalletRepository(account_id).get(wallet_id)
    settings = wallet.auto_reload
    if not settings.enabled or wallet.balance >= settings.threshold:
        return ReloadOutcome("skipped", "not below its threshold")
    key = await claim(wallet, now)
    if key is None:
        return ReloadOutcome("skipped", "reloaded within its window")
    try:
        await top_up_by_card(provider, wallet, settings.amount, key, MovementKind.RELOAD)
    except (CardDeclined, CardRequired) as refusal:
        await repository.end_reload(wallet, key, failure=refusal.message)
        await tell_reload_failed(wallet, settings.amount, refusal.message)
        return ReloadOutcome("declined", refusal.message)
    await repository.end_reload(wallet, key, failure=None)
    return ReloadOutcome("reloaded", key)


async def claim(wallet: OnebalanceWallet, now: datetime) -> str | None:
    """The key of the reload this call is to make: a new one, or the one a dead try left."""
    if wallet.reload_key is not None:
        return wallet.reload_key
    window_start = now - timedelta(minutes=wallet.auto_reload.window_minutes)
    key = f"reload:{wallet.id}:{now:%Y%m%dT%H%M%S%f}"
    return key if await repository.claim_reload(wallet, key, window_start, now) else None


async def reload_due(provider: PaymentProvider, now: datetime, limit: int) -> dict[str, int]:
    """The cron: every wallet below its threshold whose window has passed (a crossing the
    stream missed, a card declined in the last window)."""
    counts = {"reloaded": 0, "declined": 0, "skipped": 0}
    for wallet in await repository.wallets_to_reload(limit):
        outcome = await reload(provider, str(wallet.id), str(wallet.account_id), now)
        counts[outcome.status] += 1
    return counts
