"""Yext's camelCase read, the platform's snake_case written (as misc/yext_publishers does)."""

from pydantic import AliasGenerator, BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

from external_api.integrations.framework.provider import ApiKeyConnect


class YextConnect(ApiKeyConnect):
    yext_account_id: str = Field(
        "me",
        pattern=r"^[A-Za-z0-9_-]{1,64}$",
        description="the Yext account the key reads; `me` is the key's own",
    )


class YextModel(BaseModel):
    model_config = ConfigDict(
        alias_generator=AliasGenerator(validation_alias=to_camel),
        populate_by_name=True,
        extra="ignore",
    )


class AlternateBrand(YextModel):
    brand_name: str | None = None
    url: str | None = None
    listing_url: str | None = None


class Publisher(YextModel):
    """As `GET /accounts/{accountId}/publishers` documents it (misc/yext_publishers' fields)."""

    id: str
    name: str
    url: str | None = None
    alternate_brands: list[AlternateBrand] = []
    supported_countries: list[str] = []
    supported_location_types: list[str] = []
    features: list[str] = []
    typical_update_speed: int | None = None


class StatusDetail(YextModel):
    code: str | None = None
    message: str | None = None
    type: str | None = None


class Listing(YextModel):
    """As `GET /accounts/{accountId}/listings/listings` documents it."""

    id: str
    location_id: str
    publisher_id: str
    # LIVE, OPTED_OUT, UNAVAILABLE, WAITING_ON_YEXT, WAITING_ON_CUSTOMER, WAITING_ON_PUBLISHER
    status: str
    additional_status: str | None = None
    listing_url: str | None = None
    login_url: str | None = None
    screenshot_url: str | None = None
    alternate_brands: list[AlternateBrand] = []
    status_details: list[StatusDetail] = []


class ListingPage(BaseModel):
    listings: list[Listing]
    count: int  # listings matching, over every page
