"""Usage charges: a metered action paid from its account's wallet, at the platform's rate
card plus the agency's markup, once per action (the movement's key is the action's id).

An account without a wallet is not metered (it sends on its own provider keys, or its agency
has not turned OneBalance on for it): `charge` answers None and nothing is refused. A charge
the balance cannot cover raises InsufficientBalance (402) before the action goes anywhere;
`overdraft=True` records one that has already happened (the tokens an AI call used)."""

from dataclasses import dataclass

from beanie import PydanticObjectId

from shared.domain.onebalance import ledger, ledgers, repository
from shared.domain.onebalance.errors import InsufficientBalance
from shared.domain.onebalance.ledger import Recorded
from shared.domain.onebalance.rates import MeteredAction, Price, price_of
from shared.domain.onebalance.repository import WalletRepository
from shared.domain.onebalance.spending import after_spending
from shared.models.onebalance_movement import MovementKind, OnebalanceMovement
from shared.models.onebalance_wallet import LedgerEntry, OnebalanceWallet


@dataclass(frozen=True)
class Usage:
    action: MeteredAction
    quantity: int
    key: str  # the action's id, prefixed by its kind: `sms:<delivery id>`
    description: str = ""


async def wallet_of(account_id: str | PydanticObjectId) -> OnebalanceWallet | None:
    return await WalletRepository(account_id).wallet()


async def charge(
    account_id: str | PydanticObjectId, usage: Usage, *, overdraft: bool = False
) -> Recorded | None:
    wallet = await repository.wallet_terms(account_id)
    if wallet is None:
        return None
    movement = usage_movement(wallet, usage)
    recorded = await ledger.record(wallet, movement, floor=None if overdraft else 0)
    if recorded.applied:
        await after_spending(wallet, recorded.balance, movement.amount)
    return recorded


async def require_cover(
    account_id: str | PydanticObjectId, action: MeteredAction, most: int
) -> None:
    """InsufficientBalance unless the wallet (if any) holds the price of `most` units: the
    check before an action whose exact quantity is known only after it (an AI call)."""
    wallet = await wallet_of(account_id)
    if wallet is None:
        return
    needed = price_of(action, most, wallet.currency, wallet.markup_bp).total
    if wallet.balance < needed:
        raise InsufficientBalance(
            f"The wallet holds {wallet.balance} and this may need up to {needed} "
            f"(minor units of {wallet.currency}).",
            details=[{"balance": wallet.balance, "needed": needed, "currency": wallet.currency}],
        )


def usage_movement(wallet: OnebalanceWallet, usage: Usage) -> OnebalanceMovement:
    assert wallet.id is not None
    price = price_of(usage.action, usage.quantity, wallet.currency, wallet.markup_bp)
    return OnebalanceMovement(
        id=usage.key,
        account_id=wallet.account_id,
        agency_id=wallet.agency_id,
        wallet_id=wallet.id,
        kind=MovementKind.USAGE,
        currency=wallet.currency,
        amount=-price.total,
        entries=usage_entries(wallet, price),
        action=usage.action.value,
        quantity=usage.quantity,
        cost=price.cost,
        markup=price.markup,
        description=usage.description,
    )


def usage_entries(wallet: OnebalanceWallet, price: Price) -> list[LedgerEntry]:
    entries = [
        LedgerEntry(ledger=wallet.ledger, amount=-price.total),
        LedgerEntry(ledger=ledgers.PLATFORM_USAGE, amount=price.cost),
    ]
    if price.markup:
        entries.append(
            LedgerEntry(ledger=ledgers.agency_markup(wallet.agency_id), amount=price.markup)
        )
    return entries


async def reverse(account_id: str | PydanticObjectId, key: str, reason: str) -> Recorded | None:
    """Takes back the charge keyed `key` (an action that never left after all), once."""
    wallet = await wallet_of(account_id)
    original = await ledger.stored(key)
    if wallet is None or original is None:
        return None
    movement = OnebalanceMovement(
        id=f"reversal:{key}",
        account_id=original.account_id,
        agency_id=original.agency_id,
        wallet_id=original.wallet_id,
        kind=MovementKind.REVERSAL,
        currency=original.currency,
        amount=-original.amount,
        entries=[LedgerEntry(ledger=e.ledger, amount=-e.amount) for e in original.entries],
        action=original.action,
        quantity=-original.quantity,
        cost=-original.cost,
        markup=-original.markup,
        description=reason,
    )
    return await ledger.record(wallet, movement, floor=None)
