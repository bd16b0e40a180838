"""Keeping the rates fresh in the background, for the service's lifetime."""

import asyncio

from misc.currency.rates.service import RateBook, RatesProvider, refresh


async def keep_rates_fresh(
    book: RateBook, provider: RatesProvider, every_seconds: float, first_in_seconds: float
) -> None:
    """Refresh in `first_in_seconds`, then every `every_seconds`, until cancelled at shutdown."""
    await asyncio.sleep(first_in_seconds)
    while True:
        await refresh(book, provider)
        await asyncio.sleep(every_seconds)
