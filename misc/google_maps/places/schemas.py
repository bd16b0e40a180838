"""What the service answers, read from Google's documented answers (its field names kept)."""

from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")

Language = Annotated[
    str | None,
    Field(
        max_length=35,
        pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
        description="language of the answer, e.g. en or pt-BR; Google's default otherwise",
    ),
]


class Location(BaseModel):
    lat: float
    lng: float


class AddressComponent(BaseModel):
    long_name: str
    short_name: str
    types: list[str]


class Prediction(BaseModel):
    """A place the user may be typing."""

    place_id: str
    description: str
    main_text: str
    secondary_text: str
    types: list[str]

    @classmethod
    def of(cls, prediction: dict[str, Any]) -> "Prediction":
        """From one of Place Autocomplete's `predictions`."""
        formatting = prediction.get("structured_formatting", {})
        return cls(
            place_id=prediction["place_id"],
            description=prediction["description"],
            main_text=formatting.get("main_text", prediction["description"]),
            secondary_text=formatting.get("secondary_text", ""),
            types=prediction.get("types", []),
        )


class Place(BaseModel):
    place_id: str
    name: str
    formatted_address: str
    location: Location
    types: list[str]
    address_components: list[AddressComponent]
    international_phone_number: str | None
    website: str | None

    @classmethod
    def of(cls, result: dict[str, Any]) -> "Place":
        """From Place Details' `result`."""
        return cls(
            place_id=result["place_id"],
            name=result.get("name", ""),
            formatted_address=result.get("formatted_address", ""),
            location=result["geometry"]["location"],
            types=result.get("types", []),
            address_components=result.get("address_components", []),
            international_phone_number=result.get("international_phone_number"),
            website=result.get("website"),
        )


class GeocodedPlace(BaseModel):
    place_id: str
    formatted_address: str
    location: Location
    location_type: str = Field(description="ROOFTOP, RANGE_INTERPOLATED, ... : how exact")
    types: list[str]
    address_components: list[AddressComponent]

    @classmethod
    def of(cls, result: dict[str, Any]) -> "GeocodedPlace":
        """From one of Geocoding's `results`."""
        return cls(
            place_id=result["place_id"],
            formatted_address=result["formatted_address"],
            location=result["geometry"]["location"],
            location_type=result["geometry"].get("location_type", ""),
            types=result.get("types", []),
            address_components=result.get("address_components", []),
        )


class Results(BaseModel, Generic[T]):
    data: list[T]


class RatedPlace(BaseModel):
    place_id: str
    name: str
    rating: float | None = Field(None, description="1.0-5.0; none before the first review")
    user_ratings_total: int = 0
    vicinity: str = ""

    @classmethod
    def of(cls, result: dict[str, Any]) -> "RatedPlace":
        """From Place Details' `result` or one of Nearby Search's `results`."""
        return cls(
            place_id=result["place_id"],
            name=result.get("name", ""),
            rating=result.get("rating"),
            user_ratings_total=result.get("user_ratings_total", 0),
            vicinity=result.get("vicinity", ""),
        )


class Competition(BaseModel):
    """A place and the operating places of its category nearby, as Google rates them."""

    place: RatedPlace
    category: str = Field(description="the place type compared on; empty when Google gave none")
    competitors: list[RatedPlace]


class FoundPlace(BaseModel):
    place_id: str | None = Field(description="the best match; none when nothing matched")
