"""Money on the platform: an integer amount in the currency's minor units (cents, yen) and its
ISO 4217 code, upper-case. Every amount is whole minor units; a computed share of one (a
proration, a tax rate, a percentage discount, a markup) is rounded here and nowhere else.

The rounding rule: half away from zero, to the minor unit (1.5 cents -> 2 cents, -1.5 -> -2),
as invoices and receipts are read by people (Stripe rounds invoice taxes and prorations the
same way). Sums are only of one currency: totals are kept per currency, never added across."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from iso4217 import Currency


def currency_code(code: str) -> str:
    """The ISO 4217 code, upper-case; ValueError for anything else."""
    upper = code.upper()
    try:
        Currency(upper)
    except ValueError:
        raise ValueError(f"{code} is not an ISO 4217 currency code") from None
    return upper


def minor_unit_exponent(currency: str) -> int:
    """Digits after the decimal point: 2 for USD, 0 for JPY, 3 for KWD."""
    return Currency(currency_code(currency)).exponent or 0


def round_minor(value: Fraction | Decimal | int) -> int:
    """An exact amount of minor units rounded to a whole one, half away from zero."""
    exact = Fraction(value)
    decimal = Decimal(exact.numerator) / Decimal(exact.denominator)
    return int(decimal.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def share_of(amount: int, numerator: int, denominator: int) -> int:
    """`amount * numerator / denominator`, rounded once: a proration (seconds used of the
    period's seconds), a quantity's part."""
    if denominator <= 0:
        raise ValueError("a share of nothing")
    return round_minor(Fraction(amount * numerator, denominator))


def basis_points_of(amount: int, basis_points: int) -> int:
    """A rate of an amount, in hundredths of a percent (825 = 8.25 %): a tax, a percentage
    discount, a markup."""
    return share_of(amount, basis_points, 10_000)


@dataclass(frozen=True)
class Money:
    amount: int  # minor units of `currency`
    currency: str  # ISO 4217, upper-case

    def __post_init__(self) -> None:
        if not isinstance(self.amount, int):
            raise TypeError("money is a whole number of minor units")
        object.__setattr__(self, "currency", currency_code(self.currency))

    def __add__(self, other: "Money") -> "Money":
        if other.currency != self.currency:
            raise ValueError(f"cannot add {other.currency} to {self.currency}")
        return Money(self.amount + other.amount, self.currency)

    def display(self) -> str:
        """`12.34 USD`: the amount in major units, for people (receipts, CSV reports)."""
        exponent = minor_unit_exponent(self.currency)
        major = Decimal(self.amount).scaleb(-exponent)
        return f"{major:.{exponent}f} {self.currency}"


def totals_by_currency(amounts: Iterable[Money]) -> dict[str, int]:
    """Each currency's sum, never one sum across currencies."""
    totals: dict[str, int] = defaultdict(int)
    for money in amounts:
        totals[money.currency] += money.amount
    return dict(totals)
