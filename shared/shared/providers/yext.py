"""Yext's Knowledge API publishers, as `GET /accounts/{accountId}/publishers` documents them:
read by the external API (with an account's key) and by misc/yext_publishers (with the
platform's). Read from Yext's camelCase, written in the platform's snake_case."""

from pydantic import AliasGenerator, BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


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
    id: str
    name: str
    url: str | None = None
    alternate_brands: list[AlternateBrand] = []
    supported_countries: list[str] = []
    supported_location_types: list[str] = []
    features: list[str] = []
    typical_update_speed: int | None = None  # seconds for an update to go live
