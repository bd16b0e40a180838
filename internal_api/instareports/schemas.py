from datetime import datetime
from typing import Self

from pydantic import EmailStr, Field, HttpUrl, model_validator

from shared.models.instareport import AuditPart, Business, InstaReportStatus, Recommendation
from shared.utilities.schemas import DocumentRead, IdStr, WriteModel


class BusinessWrite(WriteModel):
    name: str = Field(min_length=1, max_length=200)
    website: HttpUrl | None = Field(None, description="its home page: https://bakery.example")
    address: str | None = Field(None, max_length=300)
    phone: str | None = Field(None, max_length=40)
    place_id: str | None = Field(None, max_length=512, pattern=r"^[A-Za-z0-9_-]+$")

    @model_validator(mode="after")
    def something_to_audit(self) -> Self:
        if not (self.website or self.address or self.place_id):
            raise ValueError("give the business's website, address or Google place id")
        return self


class InstaReportCreate(WriteModel):
    business: BusinessWrite
    prospect_email: EmailStr | None = Field(
        None, description="who it is for: opening its link makes them a lead"
    )


class InstaReportRead(DocumentRead):
    business: Business
    prospect_email: str | None
    status: InstaReportStatus
    progress: int
    error: str
    parts: list[AuditPart]
    score: int
    grade: str
    recommendations: list[Recommendation]
    built_at: datetime | None
    contact_id: IdStr | None
