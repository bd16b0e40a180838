"""Exchange rates from the currency service (misc/currency), for totals shown converted into an
account's currency.

Asked with internal_api's service token (`GET /v1/currency/rates?base=`) and kept in Redis for
RATES_CACHE_SECONDS, so all replicas make at most one call per currency in that time. The
service is given a few seconds (INTERNAL_API_CURRENCY_TIMEOUT_SECONDS); when it does not answer
and nothing is cached, `rates_into` raises `RatesUnavailable` and callers show their totals
without a conversion rather than fail.
"""

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated

import httpx
from fastapi import Depends, FastAPI, Request
from iso4217 import Currency
from pydantic import BaseModel, ValidationError

from internal_api.settings import InternalApiSettings
from shared.utilities.cache import RedisCache
from shared.utilities.siblings import SiblingService
from shared.utilities.upstream import http_client

logger = logging.getLogger(__name__)

SERVICE_NAME = "internal_api"
RATES_CACHE_SECONDS = 600


class RatesUnavailable(Exception):
    """The currency service gave no rates (down, too slow, or answering an error)."""


class Rates(BaseModel):
    """Units of each currency per unit of `base`, as of `date`; `stale` when the currency
    service serves older rates because its provider is down."""

    base: str
    date: date
    stale: bool = False
    rates: dict[str, Decimal]

    def convert(self, value: int, currency: str) -> int | None:
        """`value` minor units of `currency` in minor units of `base` (rounded half up), or
        None when the rates do not cover the currency."""
        rate = self.rates.get(currency)
        digits_from, digits_to = minor_digits(currency), minor_digits(self.base)
        if not rate or digits_from is None or digits_to is None:
            return None
        converted = Decimal(value) * Decimal(10) ** (digits_to - digits_from) / rate
        return int(converted.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def minor_digits(code: str) -> int | None:
    """Digits after the decimal point (ISO 4217); None where it gives none (gold)."""
    try:
        return Currency(code).exponent
    except ValueError:
        return None


@dataclass(frozen=True)
class ExchangeRates:
    currency: SiblingService
    cache: RedisCache[Rates]

    async def rates_into(self, currency: str) -> Rates:
        return await self.cache.get_or_fetch(currency, lambda: self.fetch(currency))

    async def fetch(self, currency: str) -> Rates:
        try:
            response = await self.currency.request(
                "GET", "/v1/currency/rates", params={"base": currency}
            )
            response.raise_for_status()
            return Rates.model_validate_json(response.content)
        except (httpx.HTTPError, ValidationError) as error:
            logger.warning("no exchange rates into %s: %r", currency, error)
            raise RatesUnavailable(
                f"The currency service gave no rates into {currency}."
            ) from error


def exchange_rates(
    settings: InternalApiSettings, transport: httpx.AsyncBaseTransport | None = None
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """The app's lifespan part holding its client of the currency service (`transport` stands
    in for the network in tests)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        timeout = settings.currency_timeout_seconds
        async with http_client(timeout, timeout, transport) as client:
            app.state.exchange_rates = ExchangeRates(
                currency=SiblingService(
                    client, settings.currency_url, app.state.authenticator, SERVICE_NAME, "currency"
                ),
                cache=RedisCache(app.state.redis, "exchange-rates", Rates, RATES_CACHE_SECONDS),
            )
            yield

    return lifespan


def get_exchange_rates(request: Request) -> ExchangeRates:
    return request.app.state.exchange_rates


CurrencyRates = Annotated[ExchangeRates, Depends(get_exchange_rates)]
