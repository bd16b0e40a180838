from datetime import datetime

from pydantic import AliasGenerator, BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class YextModel(BaseModel):
    """Read from Yext's camelCase, written in the platform's snake_case."""

    model_config = ConfigDict(
        alias_generator=AliasGenerator(validation_alias=to_camel), populate_by_name=True
    )


class AlternateBrand(YextModel):
    brand_name: str
    url: str | None = None


class Publisher(YextModel):
    """A publisher as Yext's Knowledge API documents it (`GET /accounts/me/publishers`)."""

    id: str
    name: str
    url: str | None = None
    alternate_brands: list[AlternateBrand] = []
    supported_countries: list[str] = []
    supported_location_types: list[str] = []
    features: list[str] = []
    typical_update_speed: int | None = None  # seconds for an update to go live


class PublisherList(BaseModel):
    publishers: list[Publisher]
    fetched_at: datetime  # when this copy was fetched from Yext
