from pydantic import EmailStr, Field, HttpUrl

from shared.models.business_profile import OpeningHours
from shared.utilities.schemas import ReadModel, WriteModel


class AddressWrite(WriteModel):
    lines: list[str] = Field([], max_length=4)
    locality: str = Field("", max_length=100)
    region: str = Field("", max_length=100)
    postal_code: str = Field("", max_length=20)
    country: str = Field("", pattern=r"^([A-Z]{2})?$", description="ISO 3166-1 alpha-2")


class HoursWrite(WriteModel, OpeningHours):
    pass


class BusinessProfileUpdate(WriteModel):
    """Only the fields sent change; null clears the address or the logo."""

    name: str | None = Field(None, min_length=1, max_length=200)
    phone: str | None = Field(None, max_length=40)
    email: EmailStr | None = None
    address: AddressWrite | None = None
    hours: list[HoursWrite] | None = Field(None, max_length=21)
    logo_url: HttpUrl | None = None


class AddressRead(ReadModel):
    lines: list[str]
    locality: str
    region: str
    postal_code: str
    country: str


class HoursRead(ReadModel, OpeningHours):
    pass


class BusinessProfileRead(ReadModel):
    name: str
    phone: str
    email: str
    address: AddressRead | None
    hours: list[HoursRead]
    logo_url: str | None
