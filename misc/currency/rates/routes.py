"""Exchange rates and conversions, for signed-in users and other services (internal_api's
converted totals); every answer says the rates' day."""

from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from misc.currency.rates import service
from misc.currency.rates.schemas import ConversionRead, CurrencyCode, RatesRead
from misc.currency.rates.service import EURO, Conversion, Rates, UnknownCurrency
from shared.utilities.auth import current_user_or_service
from shared.utilities.errors import InvalidInput, ServiceUnavailable, Unauthorized, error_responses

router = APIRouter(
    prefix="/v1/currency", tags=["currency"], dependencies=[Depends(current_user_or_service)]
)

# Far above any real amount, and small enough that every result fits Decimal's 28 digits.
MAX_AMOUNT = Decimal(10) ** 15
ERRORS = error_responses(Unauthorized, InvalidInput, UnknownCurrency, ServiceUnavailable)


def get_rates(request: Request) -> Rates:
    """The rates being served; 503 while there are none."""
    return request.app.state.rate_book.current()


CurrentRates = Annotated[Rates, Depends(get_rates)]


@router.get(
    "/rates",
    summary="Every rate against a base currency",
    description="An unknown currency answers 422 naming it.",
    responses=ERRORS,
)
async def read_rates(rates: CurrentRates, base: CurrencyCode = EURO) -> RatesRead:
    return RatesRead(
        base=base, date=rates.day, stale=rates.stale, rates=service.rates_against(rates, base)
    )


@router.get(
    "/convert",
    summary="Convert an amount, rounded to the target currency's minor units",
    description="An unknown currency answers 422 naming it.",
    response_model=ConversionRead,
    responses=ERRORS,
)
async def convert(
    rates: CurrentRates,
    source: Annotated[CurrencyCode, Query(alias="from")],
    target: Annotated[CurrencyCode, Query(alias="to")],
    amount: Annotated[Decimal, Query(ge=0, le=MAX_AMOUNT, examples=["12.34"])],
) -> Conversion:
    return service.convert(rates, source, target, amount)
