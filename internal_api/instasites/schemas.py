from datetime import datetime

from pydantic import EmailStr, Field, HttpUrl

from internal_api.business_profile.schemas import AddressWrite, HoursWrite
from shared.models.business_location import LocationAddress
from shared.models.business_profile import OpeningHours
from shared.models.instasite import InstasiteSource, InstasiteStatus
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel


class ReviewWrite(WriteModel):
    author: str = Field("", max_length=100)
    rating: int = Field(ge=1, le=5)
    text: str = Field("", max_length=2000)


class BusinessGiven(WriteModel):
    """The prospect's public data as the agency has it; what a location gives fills the rest."""

    name: str | None = Field(None, min_length=1, max_length=200)
    category: str | None = Field(None, max_length=200)
    phone: str | None = Field(None, max_length=40)
    email: EmailStr | None = None
    website: HttpUrl | None = None
    address: AddressWrite | None = None
    hours: list[HoursWrite] | None = Field(None, max_length=21)
    logo_url: HttpUrl | None = None
    photos: list[HttpUrl] | None = Field(None, max_length=20)
    reviews: list[ReviewWrite] | None = Field(None, max_length=20)


class InstasiteCreate(WriteModel):
    template_id: int = Field(gt=0, description="the Duda template it is built on")
    business: BusinessGiven = BusinessGiven()
    google_location_id: IdStr | None = Field(
        None,
        description="a Google Business location the account connected: its name, phone, "
        "address, website and reviews, under what `business` gives",
    )
    google_place_id: str | None = Field(
        None,
        max_length=512,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="a Google Maps place (without a location): its name, category, address, "
        "phone and website, under what `business` gives",
    )


class ReviewRead(ReadModel):
    author: str
    rating: int
    text: str


class BusinessRead(ReadModel):
    name: str
    category: str
    phone: str
    email: str
    website: str
    address: LocationAddress | None
    hours: list[OpeningHours]
    logo_url: str | None
    photos: list[str]
    reviews: list[ReviewRead]


class InstasiteRead(DocumentRead):
    template_id: int
    business: BusinessRead
    source: InstasiteSource
    status: InstasiteStatus
    progress: int = Field(description="percent of the build (or claim) done")
    preview_url: str | None = Field(description="the link to send the prospect, once ready")
    failure: str | None
    site_id: IdStr | None = Field(description="the account's Duda site it became, once claimed")
    claimed_at: datetime | None
    expires_at: datetime = Field(description="when it is purged unless claimed")
