import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import replace

import httpx
from fastapi import FastAPI

from misc.currency.rates.ecb import EcbRates, read_snapshot
from misc.currency.rates.routes import router as rates_router
from misc.currency.rates.service import RateBook, Rates, refresh
from misc.currency.rates.tasks import keep_rates_fresh
from misc.currency.settings import CurrencySettings
from shared.utilities.app import create_app as create_service_app
from shared.utilities.settings import RunMode
from shared.utilities.upstream import http_client


def create_app(
    settings: CurrencySettings, transport: httpx.AsyncBaseTransport | None = None
) -> FastAPI:
    """`transport` stands in for the network, in tests."""

    @contextlib.asynccontextmanager
    async def exchange_rates(app: FastAPI) -> AsyncIterator[None]:
        app.state.rate_book = book = RateBook(snapshot_rates(settings))
        timeouts = settings.connect_timeout_seconds, settings.read_timeout_seconds
        async with http_client(*timeouts, transport) as client:
            provider = EcbRates(client, settings.provider_url)
            first_in_seconds = 0.0  # the snapshot serves meanwhile
            if book.rates is None:
                # Nothing to serve until the provider answers: a slower start beats 503s.
                await refresh(book, provider)
                first_in_seconds = settings.refresh_seconds
            refreshing = asyncio.create_task(
                keep_rates_fresh(book, provider, settings.refresh_seconds, first_in_seconds)
            )
            try:
                yield
            finally:
                refreshing.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await refreshing

    return create_service_app(
        settings, title="Currency", routers=[rates_router], lifespans=[exchange_rates]
    )


def snapshot_rates(settings: CurrencySettings) -> Rates | None:
    """The rates shipped in the repository, so embedded mode answers offline (as stale rates,
    until the provider answers)."""
    if settings.mode is RunMode.EMBEDDED and settings.snapshot_file:
        return replace(read_snapshot(settings.snapshot_file), stale=True)
    return None
