from datetime import date
from typing import Annotated, Any

from beanie import PydanticObjectId
from pydantic import AfterValidator, BaseModel, Field, StringConstraints, field_validator

from internal_api.fields import CurrencyCode
from shared.models.deal import DealStatus
from shared.utilities.schemas import WriteModel


def without_repeats(ids: list[PydanticObjectId]) -> list[PydanticObjectId]:
    return list(dict.fromkeys(ids))


Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
LostReason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Ids = Annotated[list[PydanticObjectId], Field(max_length=50), AfterValidator(without_repeats)]
MinorUnits = Annotated[int, Field(ge=0, description="in the currency's minor units (cents)")]
Position = Annotated[int, Field(ge=0, description="0 is the top of the stage")]


class DealCreate(WriteModel):
    title: Title
    pipeline_id: PydanticObjectId
    stage_id: PydanticObjectId
    position: Position | None = Field(None, description="the end of the stage when omitted")
    contact_ids: Ids = []
    owner_id: PydanticObjectId | None = Field(None, description="the caller when omitted")
    follower_ids: Ids = []
    value: MinorUnits = 0
    currency: CurrencyCode = "USD"
    expected_close_date: date | None = None
    status: DealStatus = DealStatus.OPEN
    lost_reason: LostReason | None = Field(None, description="required when the status is lost")


class DealUpdate(WriteModel):
    """Only the fields sent change. The stage and position change with a move."""

    title: Title | None = None
    contact_ids: Ids | None = None
    owner_id: PydanticObjectId | None = None
    follower_ids: Ids | None = None
    value: MinorUnits | None = None
    currency: CurrencyCode | None = None
    expected_close_date: date | None = Field(None, description="null clears it")
    status: DealStatus | None = None
    lost_reason: LostReason | None = None

    # Runs only on fields sent: null may clear the close date, and nothing else.
    @field_validator(
        "title", "contact_ids", "owner_id", "follower_ids", "value", "currency", "status"
    )
    @classmethod
    def not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("cannot be null")
        return value


class DealMove(WriteModel):
    stage_id: PydanticObjectId = Field(description="a stage of this or another pipeline")
    position: Position | None = Field(None, description="the end of the stage when omitted")


class DealFilters(BaseModel):
    pipeline_id: PydanticObjectId | None = None
    stage_id: PydanticObjectId | None = None
    status: DealStatus | None = None
    owner_id: PydanticObjectId | None = None
    contact_id: PydanticObjectId | None = None

    def query(self) -> dict[str, Any]:
        sent = self.model_dump(exclude_none=True)
        if "contact_id" in sent:
            sent["contact_ids"] = sent.pop("contact_id")
        return sent
