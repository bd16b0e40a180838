"""Credit into a wallet: bought by card (a top-up, an auto-reload) or given by the agency to its
sub-account. Each is a movement keyed by what caused it, so it lands once."""

from shared.domain.onebalance import ledger, ledgers
from shared.domain.onebalance.ledger import Recorded
from shared.domain.onebalance.spending import after_crediting
from shared.models.onebalance_movement import MovementKind, OnebalanceMovement
from shared.models.onebalance_wallet import LedgerEntry, OnebalanceWallet


async def credit(
    wallet: OnebalanceWallet,
    key: str,
    amount: int,
    kind: MovementKind,
    source: str,
    description: str,
    payment_reference: str | None = None,
) -> Recorded:
    """`amount` minor units moved from the `source` ledger into the wallet."""
    assert wallet.id is not None and amount > 0
    movement = OnebalanceMovement(
        id=key,
        account_id=wallet.account_id,
        agency_id=wallet.agency_id,
        wallet_id=wallet.id,
        kind=kind,
        currency=wallet.currency,
        amount=amount,
        entries=[
            LedgerEntry(ledger=wallet.ledger, amount=amount),
            LedgerEntry(ledger=source, amount=-amount),
        ],
        description=description,
        payment_reference=payment_reference,
    )
    recorded = await ledger.record(wallet, movement, floor=None)
    if recorded.applied:
        await after_crediting(wallet, recorded.balance)
    return recorded


async def agency_credit(wallet: OnebalanceWallet, key: str, amount: int, note: str) -> Recorded:
    """The agency gives its sub-account credit (it bills them its own way)."""
    source = ledgers.agency_credits(wallet.agency_id)
    return await credit(wallet, key, amount, MovementKind.CREDIT, source, note or "agency credit")
