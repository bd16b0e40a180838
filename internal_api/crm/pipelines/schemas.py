from datetime import datetime
from typing import Annotated, Any

from beanie import PydanticObjectId
from pydantic import BaseModel, Field, StringConstraints, field_validator

from internal_api.crm.deals.schemas import DealRead
from internal_api.crm.deals.service import Column
from internal_api.fields import Name
from shared.models.pipeline import Pipeline

StageName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


class PipelineCreate(BaseModel):
    name: Name
    stages: list[StageName] = Field([], max_length=50, description="stage names, in order")


class PipelineUpdate(BaseModel):
    """Only the fields sent change; stages change through their own routes."""

    name: Name | None = None

    # Runs only on fields sent.
    @field_validator("name")
    @classmethod
    def not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("cannot be null")
        return value


class StageCreate(BaseModel):
    name: StageName
    position: int | None = Field(None, ge=0, description="0 is first; the end when omitted")


class StageUpdate(BaseModel):
    name: StageName


class StageOrder(BaseModel):
    stage_ids: list[PydanticObjectId] = Field(description="every stage of the pipeline, once")


class StageRead(BaseModel):
    id: str
    name: str


class PipelineRead(BaseModel):
    id: str
    name: str
    stages: list[StageRead]
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, pipeline: Pipeline) -> "PipelineRead":
        # JSON mode turns every id into its string.
        return cls.model_validate(pipeline.model_dump(mode="json"))


class CurrencyTotal(BaseModel):
    currency: str
    value: int  # minor units


class BoardColumn(BaseModel):
    id: str
    name: str
    count: int = Field(description="open deals on the stage the caller may see")
    totals: list[CurrencyTotal] = Field(description="their value, per currency")
    deals: list[DealRead] = Field(description="the first of them, by position")

    @classmethod
    def of(cls, column: Column) -> "BoardColumn":
        return cls(
            id=str(column.stage.id),
            name=column.stage.name,
            count=column.count,
            totals=[
                CurrencyTotal(currency=currency, value=value)
                for currency, value in sorted(column.totals.items())
            ],
            deals=[DealRead.of(deal) for deal in column.deals],
        )


class BoardRead(BaseModel):
    id: str
    name: str
    stages: list[BoardColumn]
