from datetime import datetime
from typing import Annotated

from pydantic import Field

from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel

Amount = Annotated[int, Field(gt=0, le=10_000_000, description="minor units of the currency")]
Key = Annotated[
    str,
    Field(
        min_length=8,
        max_length=100,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="the client's id for this request: sent again, it is done once",
    ),
]


class WalletCreate(WriteModel):
    currency: str = Field("USD", description="ISO 4217; one the rate card prices")


class AutoReloadSettings(WriteModel):
    enabled: bool
    threshold: Annotated[int, Field(ge=0, le=10_000_000)] = 0
    amount: Annotated[int, Field(ge=0, le=10_000_000)] = 0
    window_minutes: Annotated[int, Field(ge=5, le=60 * 24 * 31)] = 60


class WalletUpdate(WriteModel):
    auto_reload: AutoReloadSettings | None = None
    low_balance_threshold: Annotated[int, Field(ge=0, le=10_000_000)] | None = None


class TopUpCreate(WriteModel):
    amount: Amount
    key: Key


class CreditCreate(WriteModel):
    amount: Amount
    key: Key
    note: Annotated[str, Field(max_length=200)] = ""


class MarkupUpdate(WriteModel):
    markup_bp: Annotated[int, Field(ge=0, le=100_000, description="basis points on the cost")]


class AutoReloadRead(ReadModel):
    enabled: bool
    threshold: int
    amount: int
    window_minutes: int


class WalletRead(DocumentRead):
    account_id: IdStr
    currency: str
    balance: int
    markup_bp: int
    auto_reload: AutoReloadRead
    low_balance_threshold: int
    last_reload_at: datetime | None
    last_reload_failure: str | None


class EntryRead(ReadModel):
    ledger: str
    amount: int


class MovementRead(DocumentRead):
    kind: str
    currency: str
    amount: int
    entries: list[EntryRead]
    action: str | None
    quantity: int
    cost: int
    markup: int
    description: str
    payment_reference: str | None


class UsageRow(ReadModel):
    account_id: IdStr
    account_name: str
    month: str  # YYYY-MM
    action: str
    currency: str
    quantity: int
    charges: int
    cost: int
    markup: int
    total: int


class UsageReport(ReadModel):
    rows: list[UsageRow]
    totals: dict[str, int] = Field(description="what the sub-accounts were charged, per currency")
