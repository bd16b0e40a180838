"""One movement of a OneBalance wallet: a pair (or more) of ledger entries summing to zero,
never edited once stored. Its `_id` is the idempotency key of what caused it (`sms:<delivery
id>`, `topup:<id>`, `ai:<usage id>`): MongoDB's unique `_id` index makes a second movement for
one action impossible."""

from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import Field
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument
from shared.models.onebalance_wallet import LedgerEntry


class MovementKind(StrEnum):
    USAGE = "usage"  # a metered action paid from the wallet
    TOP_UP = "top_up"  # bought by card
    RELOAD = "reload"  # bought by card, automatically below the threshold
    CREDIT = "credit"  # given by the agency to its sub-account
    REVERSAL = "reversal"  # an earlier movement taken back (a send that never left)


class OnebalanceMovement(TenantDocument):
    id: str = Field(description="the idempotency key of the action that caused it")
    agency_id: PydanticObjectId
    wallet_id: PydanticObjectId
    kind: MovementKind
    currency: str
    # What the wallet gains (negative: spends): the wallet's entry.
    amount: int
    entries: list[LedgerEntry]
    # A usage's action, how many units and the split of its price.
    action: str | None = None
    quantity: int = 0
    cost: int = 0  # the platform's rate card
    markup: int = 0  # the agency's share on top
    description: str = ""
    # The card payment of a top-up or reload (the provider's reference).
    payment_reference: str | None = None

    class Settings:
        name = "onebalance_movements"
        indexes = [
            # A wallet's movements, newest first (the dashboard's list).
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            # The agency's usage report by month.
            IndexModel([("agency_id", ASCENDING), ("kind", ASCENDING), ("created_at", ASCENDING)]),
            # A ledger's derived balance (multikey).
            IndexModel([("entries.ledger", ASCENDING)]),
        ]
