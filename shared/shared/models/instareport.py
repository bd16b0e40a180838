"""An InstaReport: an automated audit of a prospect's online presence, built in the background
(QM_INSTAREPORT_BUILD), each part scored by a written rubric
(`shared.domain.instareports.rubric`), with an overall grade and recommendations of the
agency's store products for the parts that scored low."""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class InstaReportStatus(StrEnum):
    QUEUED = "queued"
    BUILDING = "building"
    READY = "ready"
    FAILED = "failed"


class AuditArea(StrEnum):
    LISTINGS = "listings"
    REVIEWS = "reviews"
    WEBSITE = "website"
    SEO = "seo"
    SOCIAL = "social"


class Business(BaseModel):
    name: str
    website: str | None = None  # https://bakery.example
    address: str | None = None
    phone: str | None = None
    place_id: str | None = None  # Google's


class Finding(BaseModel):
    """One check of the rubric: what it looked at, and the points it earned of its own."""

    check: str
    passed: bool
    points: int
    max_points: int
    detail: str = ""


class Competitor(BaseModel):
    """A place rated on Google Maps: the audited business, or one of its category nearby."""

    name: str
    rating: float | None = None  # 1.0-5.0; None before its first review
    reviews: int = 0
    own: bool = False  # the audited business itself


class AuditPart(BaseModel):
    area: AuditArea
    checked: bool  # False when nothing could be looked at (no website, no place)
    score: int = 0  # 0-100, the points earned of the points possible
    grade: str = ""
    findings: list[Finding] = []
    note: str = ""  # why it was not checked, or what it read
    competitors: list[Competitor] = []  # the reviews part: the business among those nearby


class Recommendation(BaseModel):
    area: AuditArea
    product_id: PydanticObjectId
    product_name: str
    price: int  # minor units
    currency: str


class InstaReport(TenantDocument):
    business: Business
    prospect_email: str | None = None  # who it is sent to: their lead when they open it
    status: InstaReportStatus = InstaReportStatus.QUEUED
    progress: int = 0  # percent
    error: str = ""
    parts: list[AuditPart] = []
    score: int = 0
    grade: str = ""
    recommendations: list[Recommendation] = []
    built_at: datetime | None = None
    share_nonce: str = ""
    # The prospect's contact once they opened the link (the lead is recorded once).
    contact_id: PydanticObjectId | None = None

    class Settings:
        name = "instareports"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel(
                [("account_id", ASCENDING), ("status", ASCENDING), ("created_at", DESCENDING)]
            ),
        ]
