from pydantic import BaseModel, Field

from shared.models.lead_search import LeadSearchStatus
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel


class LeadSearchCreate(WriteModel):
    category: str = Field(min_length=2, max_length=100, examples=["plumber"])
    area: str = Field(min_length=2, max_length=200, examples=["Austin, TX"])
    region: str = Field("us", pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2")
    max_results: int = Field(20, ge=1, le=500, description="at most the platform's cap")


class FoundBusinessRead(ReadModel):
    business_id: str
    name: str
    phone: str
    website: str
    address: str
    city: str
    rating: float | None
    review_count: int
    category: str
    contact_id: IdStr | None


class LeadSearchRead(DocumentRead):
    category: str
    area: str
    region: str
    max_results: int
    status: LeadSearchStatus
    found: list[FoundBusinessRead]
    error: str


class LeadSave(WriteModel):
    business_ids: list[str] = Field(min_length=1, max_length=100)


class SavedBusiness(BaseModel):
    business_id: str
    contact_id: str | None = None
    created: bool = False  # a new contact, rather than one the account had
    skipped: str = ""  # why not saved: no phone or website to reach it by


class LeadSaveOutcome(BaseModel):
    data: list[SavedBusiness]
