"""InstaSites' settings, read by the internal API (`INTERNAL_API_` prefix)."""

from pydantic import Field, PositiveFloat, PositiveInt

from shared.utilities.settings import ServiceSettings


class InstasiteSettings(ServiceSettings):
    instasites_lifetime_days: PositiveInt = Field(
        90,
        description="days an unclaimed InstaSite is kept before QM_INSTASITES_PURGE deletes it "
        "and its Duda site",
    )
    google_maps_url: str = Field(
        "http://127.0.0.1:5009",
        description="the maps service (misc/google_maps), where InstaSites' Google places are read",
    )
    google_maps_timeout_seconds: PositiveFloat = Field(
        10, description="how long the maps service may take to answer for a place"
    )
