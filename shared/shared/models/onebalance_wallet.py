"""An account's OneBalance wallet: prepaid credit in integer minor units of one currency.

`balance` is a cache of the wallet's ledger entries (`OnebalanceMovement`), moved only by
`shared.domain.onebalance.ledger` in the same atomic update that records the movement in
`pending` (taken out once the movement is stored), so a movement is applied once even when its
task dies half-way and runs again."""

from datetime import datetime

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class LedgerEntry(BaseModel):
    """One side of a movement: a ledger (`wallet:<id>`, `platform:usage`, ...) and the signed
    amount it moves, in the movement's currency; a movement's entries sum to zero."""

    ledger: str
    amount: int


class PendingMovement(BaseModel):
    """A movement applied to `balance` but not yet stored: what finishing it needs."""

    key: str
    delta: int
    movement: dict  # the movement's fields, stored as they are when it is finished


class AutoReload(BaseModel):
    """Top up by `amount` whenever the balance falls below `threshold`, at most once per
    `window_minutes`, with the account's saved card."""

    enabled: bool = False
    threshold: int = 0
    amount: int = 0
    window_minutes: int = 60


class OnebalanceWallet(TenantDocument):
    agency_id: PydanticObjectId  # the account's agency (itself for an agency)
    currency: str  # ISO 4217, upper-case
    balance: int = 0  # minor units: the ledger's sum for this wallet, cached
    pending: list[PendingMovement] = []
    # The agency's markup on the platform's rate card for this account, in basis points.
    markup_bp: int = 0
    auto_reload: AutoReload = AutoReload()
    # A reload is claimed by moving this forward (one per window) and naming its key, until
    # it ends; a declined card's message is kept.
    last_reload_at: datetime | None = None
    reload_key: str | None = None
    last_reload_failure: str | None = None
    # Told once each time the balance falls below it (cleared when it is back above).
    low_balance_threshold: int = 0
    low_balance_alerted: bool = False

    @property
    def ledger(self) -> str:
        return f"wallet:{self.id}"

    class Settings:
        name = "onebalance_wallets"
        use_state_management = True
        indexes = [
            # One wallet per account.
            IndexModel([("account_id", ASCENDING)], unique=True, name="one_wallet_per_account"),
            # The agency's list of its sub-accounts' wallets; the reload cron's wallets due.
            IndexModel([("agency_id", ASCENDING), ("created_at", ASCENDING)]),
            IndexModel([("auto_reload.enabled", ASCENDING), ("balance", ASCENDING)]),
            # Movements left pending too long, finished by the charge cron.
            IndexModel([("pending.movement.created_at", ASCENDING)], sparse=True),
        ]
