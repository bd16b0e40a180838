"""The ledger's one write path: a movement applied to its wallet exactly once.

A movement is stored once (its `_id` is its action's key) and the wallet's cached balance moves
once, without a multi-document transaction:

1. one atomic update moves the balance and records the movement in the wallet's `pending`
   (refused when it is pending already, or when the balance would end below `floor`);
2. the movement is inserted;
3. it is taken out of `pending`.

A process dying after 1 leaves the movement pending: the next try of the same action (or the
charge cron, for one pending too long) stores it from the pending copy and finishes, so the
cache never counts a movement the ledger lacks for longer than that. A second try after 3 finds
the key taken at 2 and takes its own step 1 back: the action is charged once."""

from dataclasses import dataclass

from shared.domain.onebalance import repository
from shared.domain.onebalance.errors import InsufficientBalance, UnbalancedMovement
from shared.models.onebalance_movement import OnebalanceMovement
from shared.models.onebalance_wallet import OnebalanceWallet, PendingMovement


@dataclass(frozen=True)
class Recorded:
    movement: OnebalanceMovement
    applied: bool  # False: the action was recorded before (a retry), nothing moved now
    balance: int  # the wallet's balance once it was applied (or as found, for a retry)


def check_balanced(movement: OnebalanceMovement) -> None:
    if len(movement.entries) < 2 or sum(entry.amount for entry in movement.entries) != 0:
        raise UnbalancedMovement(f"movement {movement.id} does not balance: {movement.entries}")


async def record(
    wallet: OnebalanceWallet, movement: OnebalanceMovement, *, floor: int | None = 0
) -> Recorded:
    """Applies `movement` to `wallet` once. With `floor` (0: no overdraft), a movement that
    would take the balance below it raises InsufficientBalance and changes nothing; None lets
    it (a usage that already happened, reported after the fact)."""
    check_balanced(movement)
    assert wallet.id is not None
    pending = PendingMovement(
        key=movement.id, delta=movement.amount, movement=movement.model_dump(by_alias=True)
    )
    after = await repository.apply(
        wallet.id, movement.id, movement.amount, floor, pending.model_dump()
    )
    if after is None:
        return await not_applied(wallet, movement)
    if not await repository.insert_movement(movement):
        await repository.undo(wallet.id, movement.id, movement.amount)
        return await recorded_before(movement.id, after["balance"] - movement.amount)
    await repository.finish(wallet.id, movement.id)
    return Recorded(movement, applied=True, balance=after["balance"])


async def not_applied(wallet: OnebalanceWallet, movement: OnebalanceMovement) -> Recorded:
    """Step 1 refused: the movement is pending (a try that died: finished now), was recorded
    before, or the balance cannot take it."""
    assert wallet.id is not None
    current = await repository.wallet_by_id(wallet.id)
    balance = current.balance if current else wallet.balance
    left = next((p for p in current.pending if p.key == movement.id), None) if current else None
    if left is not None:
        await finish_pending(wallet, left)
        return await recorded_before(movement.id, balance)
    if (existing := await repository.movement_by_key(movement.id)) is not None:
        return Recorded(existing, applied=False, balance=balance)
    raise InsufficientBalance(
        f"The wallet holds {balance} and this needs {-movement.amount} "
        f"(minor units of {movement.currency}).",
        details=[{"balance": balance, "needed": -movement.amount, "currency": movement.currency}],
    )


async def finish_pending(wallet: OnebalanceWallet, pending: PendingMovement) -> None:
    """Stores a movement its try left pending (if it was not stored yet), then finishes it."""
    assert wallet.id is not None
    await repository.insert_movement(OnebalanceMovement.model_validate(pending.movement))
    await repository.finish(wallet.id, pending.key)


async def recorded_before(key: str, balance: int) -> Recorded:
    existing = await repository.movement_by_key(key)
    assert existing is not None, f"movement {key} is neither pending nor stored"
    return Recorded(existing, applied=False, balance=balance)


@dataclass(frozen=True)
class LedgerCheck:
    cached: int  # the wallet's balance as cached
    derived: int  # the sum of its ledger entries
    unbalanced: int  # its movements whose entries do not sum to zero
    pending: int  # movements applied to the cache and not yet stored

    @property
    def consistent(self) -> bool:
        return self.unbalanced == 0 and self.pending == 0 and self.cached == self.derived


async def check(wallet: OnebalanceWallet) -> LedgerCheck:
    """The wallet's cache against its ledger (the bench and the tests read this)."""
    assert wallet.id is not None
    current = await repository.wallet_by_id(wallet.id)
    assert current is not None
    derived, unbalanced = await repository.ledger_totals(current.ledger)
    return LedgerCheck(current.balance, derived, unbalanced, pending=len(current.pending))


async def stored(key: str) -> OnebalanceMovement | None:
    return await repository.movement_by_key(key)
