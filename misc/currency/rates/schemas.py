import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from misc.currency.rates.service import Conversion

CurrencyCode = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z]{3}$", to_upper=True), Field(examples=["USD"])
]
RatesDay = Annotated[
    datetime.date, Field(description="the day the rates are of; older while the provider is down")
]


class RatesRead(BaseModel):
    base: str
    date: RatesDay
    rates: dict[str, Decimal] = Field(description="units of each currency per unit of base")


class ConversionRead(BaseModel):
    source: str = Field(serialization_alias="from")
    target: str = Field(serialization_alias="to")
    amount: Decimal
    rate: Decimal = Field(description="units of `to` per unit of `from`")
    result: Decimal = Field(description="amount times rate, rounded to the minor units of `to`")
    result_minor_units: int = Field(description="the result in minor units of `to` (USD: cents)")
    date: RatesDay

    @classmethod
    def of(cls, conversion: Conversion) -> "ConversionRead":
        return cls(
            source=conversion.source,
            target=conversion.target,
            amount=conversion.amount,
            rate=conversion.rate,
            result=conversion.result,
            result_minor_units=conversion.result_minor_units,
            date=conversion.day,
        )
