"""A LeadFinder search: businesses of a category in an area, looked up through RapidAPI's
business search in the background, and what it found (kept with the search, so the account
can save the ones it wants as contacts)."""

from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class LeadSearchStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class FoundBusiness(BaseModel):
    business_id: str  # the provider's
    name: str
    phone: str = ""
    website: str = ""
    address: str = ""
    city: str = ""
    rating: float | None = None
    review_count: int = 0
    category: str = ""
    contact_id: PydanticObjectId | None = None  # once saved as a contact


class LeadSearch(TenantDocument):
    category: str  # "plumber"
    area: str  # "Austin, TX"
    region: str  # ISO 3166-1 alpha-2, lower case
    max_results: int
    status: LeadSearchStatus = LeadSearchStatus.QUEUED
    found: list[FoundBusiness] = []
    error: str = ""
    started_by: str  # the user's id, as their token names them

    class Settings:
        name = "lead_searches"
        use_state_management = True
        # The account's searches, newest first.
        indexes = [IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)])]
