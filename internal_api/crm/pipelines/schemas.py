import datetime
from typing import Annotated, Any

from beanie import PydanticObjectId
from pydantic import AfterValidator, Field, StringConstraints, field_validator

from internal_api.fields import Name
from shared.domain.deals.schemas import DealRead
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel

StageName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


def different_names(names: list[str]) -> list[str]:
    """Stage names tell stages apart, so no two of a pipeline's are alike (case aside)."""
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            raise ValueError(f"stage names must differ: {name} is there twice")
        seen.add(name.casefold())
    return names


class PipelineCreate(WriteModel):
    name: Name
    stages: Annotated[list[StageName], AfterValidator(different_names)] = Field(
        min_length=1,
        max_length=50,
        description="stage names, in order; at least one, all different",
    )


class PipelineUpdate(WriteModel):
    """Only the fields sent change; stages change through their own routes."""

    name: Name | None = None

    # Runs only on fields sent.
    @field_validator("name")
    @classmethod
    def not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("cannot be null")
        return value


class StageCreate(WriteModel):
    name: StageName = Field(description="unlike the pipeline's other stages' names")
    position: int | None = Field(None, ge=0, description="0 is first; the end when omitted")


class StageUpdate(WriteModel):
    name: StageName = Field(description="unlike the pipeline's other stages' names")


class StageOrder(WriteModel):
    stage_ids: list[PydanticObjectId] = Field(
        max_length=50, description="every stage of the pipeline, once"
    )


class StageRead(ReadModel):
    id: IdStr
    name: str


class PipelineRead(DocumentRead):
    name: str
    stages: list[StageRead]


class CurrencyTotal(ReadModel):
    currency: str
    value: int = Field(description="minor units (cents)")


class BoardColumn(ReadModel):
    id: IdStr
    name: str
    count: int = Field(description="open deals on the stage the caller may see")
    totals: list[CurrencyTotal] = Field(description="their value, per currency")
    converted_total: int | None = Field(
        description="their value converted into the board's `currency`, in its minor units; "
        "null when it could not be converted (see `unconverted`)"
    )
    deals: list[DealRead] = Field(description="the first of them, by position")


class RatesUsed(ReadModel):
    date: datetime.date = Field(description="the day the exchange rates are of")
    stale: bool = Field(description="older rates, served while the rates provider is down")


class BoardRead(ReadModel):
    id: IdStr
    name: str
    currency: str = Field(description="the account's currency, which totals are converted into")
    rates: RatesUsed | None = Field(
        description="the exchange rates the converted totals used; null when none were needed "
        "or the currency service gave none"
    )
    unconverted: list[str] = Field(
        description="currencies of deals that could not be converted: the currency service "
        "did not answer, or has no rate for them"
    )
    stages: list[BoardColumn]
