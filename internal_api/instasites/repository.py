"""Every query of the InstaSites module: the account's InstaSites, and the Google Business
location and reviews an InstaSite may be built from."""

from beanie import PydanticObjectId

from shared.models.business_location import BusinessLocation
from shared.models.instasite import Instasite
from shared.models.review import Review
from shared.utilities.repository import TenantRepository

# Reviews read from a location: the latest (the best of them are shown).
READ_REVIEWS = 20


class InstasiteRepository(TenantRepository[Instasite]):
    noun = "InstaSite"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(Instasite, account_id)


class LocationRepository(TenantRepository[BusinessLocation]):
    noun = "Business location"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(BusinessLocation, account_id)

    async def latest_reviews(self, location_id: PydanticObjectId) -> list[Review]:
        scope = {"account_id": self.account_id, "location_id": location_id}
        return await Review.find(scope).sort("-reviewed_at").limit(READ_REVIEWS).to_list()
