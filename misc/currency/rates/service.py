"""Exchange rates against the euro, and conversions between any two currencies they cover.

A provider gives units of each currency per euro (the ECB's reference rates); any other pair is
a cross rate through the euro. Amounts are decimals rounded to the target currency's ISO 4217
minor units: JPY 0 digits, USD 2, KWD 3.
"""

import logging
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Protocol

from iso4217 import Currency

from shared.utilities.errors import InvalidInput, ServiceUnavailable

logger = logging.getLogger(__name__)

EURO = "EUR"
# Reference rates carry five or six significant digits; ten keep a cross rate's own rounding
# far below theirs.
CROSS_RATE_DIGITS = 10


@dataclass(frozen=True)
class Rates:
    """One day's rates: units of each currency per euro, the euro itself included. `stale`
    rates were not confirmed by the provider at the last refresh (it failed, or these are the
    shipped snapshot): newer ones may exist."""

    day: date
    per_euro: dict[str, Decimal]
    stale: bool = False


@dataclass(frozen=True)
class Conversion:
    source: str
    target: str
    amount: Decimal
    rate: Decimal
    result: Decimal
    result_minor_units: int
    day: date
    stale: bool


class UnknownCurrency(InvalidInput):
    """A currency the rates do not cover (or no currency at all)."""

    code = "unknown_currency"


class ProviderFailed(Exception):
    """The provider did not answer with rates."""


class RatesProvider(Protocol):
    async def latest(self) -> Rates:
        """The provider's newest rates; raises ProviderFailed."""
        ...


class RateBook:
    """The rates being served, replaced whole when new ones arrive."""

    def __init__(self, rates: Rates | None = None) -> None:
        self.rates = rates

    def current(self) -> Rates:
        if self.rates is None:
            raise ServiceUnavailable("No exchange rates yet: the rates provider has not answered.")
        return self.rates


async def refresh(book: RateBook, provider: RatesProvider) -> None:
    """Take the provider's latest rates; when it fails, the rates held stay served, as stale."""
    try:
        book.rates = await provider.latest()
    except ProviderFailed as error:
        held = book.rates.day.isoformat() if book.rates else "none"
        logger.warning("exchange rates not refreshed (%s); serving the rates of %s", error, held)
        if book.rates is not None:
            book.rates = replace(book.rates, stale=True)


def minor_units(code: str) -> int | None:
    """Digits after the decimal point (ISO 4217); None where ISO 4217 gives none (gold, or a
    code it does not know)."""
    try:
        return Currency(code).exponent
    except ValueError:
        return None


def rates_against(rates: Rates, base: str) -> dict[str, Decimal]:
    """Units of every other currency per unit of `base`."""
    check_known(rates, base)
    return {code: cross_rate(rates, base, code) for code in rates.per_euro if code != base}


def convert(rates: Rates, source: str, target: str, amount: Decimal) -> Conversion:
    check_known(rates, source, target)
    rate = cross_rate(rates, source, target)
    digits = minor_units(target) or 0  # never None: rates hold only currencies that have some
    # Half a cent rounds up, as a customer reading a price expects.
    result = (amount * rate).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    minor = int(result.scaleb(digits))
    return Conversion(source, target, amount, rate, result, minor, rates.day, rates.stale)


def cross_rate(rates: Rates, source: str, target: str) -> Decimal:
    with localcontext(prec=CROSS_RATE_DIGITS):
        return rates.per_euro[target] / rates.per_euro[source]


def check_known(rates: Rates, *codes: str) -> None:
    unknown = sorted({code for code in codes if code not in rates.per_euro})
    if unknown:
        raise UnknownCurrency(
            f"Unknown currency: {', '.join(unknown)}.",
            details=[{"currency": code, "message": "no exchange rate for it"} for code in unknown],
        )
