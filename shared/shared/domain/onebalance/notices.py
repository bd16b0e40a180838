"""What OneBalance tells an account's members (`tell`): the balance fell below the account's
alert threshold (once per fall), and an auto-reload's card was refused."""

from shared.domain.accounts import repository as accounts
from shared.domain.notifications import dashboard_paths
from shared.domain.notifications.platform import tell
from shared.domain.payments.money import Money
from shared.models.onebalance_wallet import OnebalanceWallet


async def account_name(wallet: OnebalanceWallet) -> str:
    found = await accounts.account(wallet.account_id)
    return found.name if found else ""


async def tell_low_balance(wallet: OnebalanceWallet, balance: int) -> None:
    await tell(
        "onebalance_low_balance",
        wallet.account_id,
        {
            "account_name": await account_name(wallet),
            "balance": Money(balance, wallet.currency).display(),
            "threshold": Money(wallet.low_balance_threshold, wallet.currency).display(),
        },
        links={"wallet_url": dashboard_paths.wallet()},
    )


async def tell_reload_failed(wallet: OnebalanceWallet, amount: int, reason: str) -> None:
    await tell(
        "onebalance_reload_failed",
        wallet.account_id,
        {
            "account_name": await account_name(wallet),
            "amount": Money(amount, wallet.currency).display(),
            "reason": reason,
        },
        links={"wallet_url": dashboard_paths.wallet()},
    )
