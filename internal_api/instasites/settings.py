"""InstaSites' settings, read by the internal API (`INTERNAL_API_` prefix)."""

from pydantic import Field, PositiveInt

from shared.utilities.settings import ServiceSettings


class InstasiteSettings(ServiceSettings):
    instasites_lifetime_days: PositiveInt = Field(
        90,
        description="days an unclaimed InstaSite is kept before QM_INSTASITES_PURGE deletes it "
        "and its Duda site",
    )
