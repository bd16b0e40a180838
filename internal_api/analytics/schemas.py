from datetime import date
from typing import Self

from pydantic import BaseModel, Field, model_validator

from shared.utilities.schemas import ReadModel

MAX_DAYS = 731


class SummaryRange(BaseModel):
    start_date: date = Field(description="the first day, in the account's time zone")
    end_date: date = Field(description="the last day, included")

    @model_validator(mode="after")
    def ordered_and_bounded(self) -> Self:
        if self.end_date < self.start_date:
            raise ValueError("end_date is before start_date")
        if (self.end_date - self.start_date).days > MAX_DAYS:
            raise ValueError(f"a range spans {MAX_DAYS} days at most")
        return self


class Money(ReadModel):
    currency: str
    amount: int  # minor units


class Summary(ReadModel):
    start_date: date
    end_date: date
    contacts_added: int
    leads: int
    leads_by_source: dict[str, int]
    deals_won: int
    revenue: list[Money]  # the won deals' values, per currency
    messages: int
    calls: int  # CallRail's, from the analytics store
