"""Opening a wallet and changing what its account or its agency sets on it."""

from typing import Any

from pymongo.errors import DuplicateKeyError

from shared.domain.onebalance.errors import WalletExists, WalletNotFound
from shared.domain.onebalance.rates import MeteredAction, rate_for
from shared.domain.onebalance.repository import WalletRepository
from shared.domain.payments.money import currency_code
from shared.models.account import Account
from shared.models.onebalance_wallet import OnebalanceWallet


async def open_wallet(account: Account, currency: str) -> OnebalanceWallet:
    """The account's wallet, empty: from now on its metered actions are paid from it."""
    code = currency_code(currency)
    rate_for(code, MeteredAction.EMAIL)  # UnpricedCurrency for a currency with no rate card
    wallet = OnebalanceWallet(account_id=account.id, agency_id=account.agency_id, currency=code)
    try:
        return await wallet.insert()
    except DuplicateKeyError:
        raise WalletExists() from None


async def wallet_in(account_id: Any) -> OnebalanceWallet:
    wallet = await WalletRepository(account_id).wallet()
    if wallet is None:
        raise WalletNotFound()
    return wallet


async def change(wallet: OnebalanceWallet, fields: dict[str, Any]) -> OnebalanceWallet:
    """Sets the settings given (auto-reload, the alert threshold, the markup), nothing else:
    the balance and its pending movements are the ledger's alone."""
    await wallet.set(fields)
    return wallet
