"""The European Central Bank's euro foreign exchange reference rates: the rates provider.

The daily feed (https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml) is one small XML
document; each rate is units of the currency per euro:

    <gesmes:Envelope xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref" ...>
      <Cube><Cube time="2025-06-13"><Cube currency="USD" rate="1.1512"/>...</Cube></Cube>
    </gesmes:Envelope>
"""

import logging
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import httpx
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from misc.currency.rates.service import EURO, ProviderFailed, Rates, minor_units
from shared.utilities.upstream import retried_when_busy

logger = logging.getLogger(__name__)

NAMESPACE = "{http://www.ecb.int/vocabulary/2002-08-01/eurofxref}"


class EcbRates:
    """The rates provider on the ECB's feed, or on any document of its shape at `url`."""

    def __init__(self, client: httpx.AsyncClient, url: str) -> None:
        self.client = client
        self.url = url

    async def latest(self) -> Rates:
        try:
            response = await self.fetch()
        except httpx.HTTPError as error:
            raise ProviderFailed(f"{type(error).__name__} from {self.url}") from error
        if response.is_error:
            raise ProviderFailed(f"HTTP {response.status_code} from {self.url}")
        return parse_rates(response.content)

    @retried_when_busy
    async def fetch(self) -> httpx.Response:
        return await self.client.get(self.url)


def read_snapshot(path: str) -> Rates:
    """Rates kept in a file of the feed's shape (the repository ships one)."""
    return parse_rates(Path(path).read_bytes())


def parse_rates(document: bytes) -> Rates:
    """The day and rates in a feed document; ProviderFailed when it is not of the feed's shape."""
    try:
        # defusedxml: the document comes over the network, so no entity expansion bombs.
        day_cube = fromstring(document).find(f".//{NAMESPACE}Cube[@time]")
    except (ParseError, DefusedXmlException) as error:
        raise ProviderFailed(f"malformed rates document: {error}") from error
    if day_cube is None:
        raise ProviderFailed("no <Cube time=...> in the rates document")
    try:
        day = date.fromisoformat(day_cube.attrib["time"])
        per_euro = {cube.attrib["currency"]: positive(cube.attrib["rate"]) for cube in day_cube}
    except (KeyError, ValueError, InvalidOperation) as error:
        raise ProviderFailed(f"unreadable rates document: {error!r}") from error
    # A currency without ISO 4217 minor units could not be rounded to in a conversion.
    unroundable = sorted(code for code in per_euro if minor_units(code) is None)
    if unroundable:
        logger.warning("rates left out, not ISO 4217 currencies: %s", ", ".join(unroundable))
    convertible = {code: rate for code, rate in per_euro.items() if code not in unroundable}
    return Rates(day=day, per_euro={EURO: Decimal(1), **convertible})


def positive(text: str) -> Decimal:
    rate = Decimal(text)
    if not rate > 0:
        raise ValueError(f"rate {text} is not positive")
    return rate
