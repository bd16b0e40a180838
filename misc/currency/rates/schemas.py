import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from shared.utilities.schemas import ReadModel

CurrencyCode = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z]{3}$", to_upper=True), Field(examples=["USD"])
]
RatesDay = Annotated[
    datetime.date, Field(description="the day the rates are of; older while the provider is down")
]
Stale = Annotated[
    bool,
    Field(
        description="the provider did not confirm these rates at the last refresh (it is down, "
        "or the shipped snapshot is served): newer rates may exist"
    ),
]


class RatesRead(BaseModel):
    base: str
    date: RatesDay
    stale: Stale
    rates: dict[str, Decimal] = Field(description="units of each currency per unit of base")


class ConversionRead(ReadModel):
    """A `Conversion`, as answered."""

    source: str = Field(serialization_alias="from")
    target: str = Field(serialization_alias="to")
    amount: Decimal
    rate: Decimal = Field(description="units of `to` per unit of `from`")
    result: Decimal = Field(description="amount times rate, rounded to the minor units of `to`")
    result_minor_units: int = Field(description="the result in minor units of `to` (USD: cents)")
    date: RatesDay = Field(validation_alias="day")
    stale: Stale
