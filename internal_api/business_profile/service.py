"""The account's business profile, read and changed through the one write path of sites'
business data (`shared.domain.sites.business`), which pushes each change to its Duda sites."""

from beanie import PydanticObjectId

from internal_api.business_profile.schemas import BusinessProfileUpdate
from shared.domain.sites.business import profile_of, update_profile
from shared.models.business_location import LocationAddress
from shared.models.business_profile import BusinessProfile, OpeningHours
from shared.utilities.auth import Principal


async def read_profile(principal: Principal) -> BusinessProfile:
    return await profile_of(PydanticObjectId(principal.account_id))


async def change_profile(principal: Principal, body: BusinessProfileUpdate) -> BusinessProfile:
    changes = body.model_dump(mode="json", exclude_unset=True)
    if changes.get("address") is not None:
        changes["address"] = LocationAddress(**changes["address"])
    if changes.get("hours") is not None:
        changes["hours"] = [OpeningHours(**hours) for hours in changes["hours"]]
    for text in ("phone", "email"):
        if text in changes and changes[text] is None:
            changes[text] = ""
    if "name" in changes and changes["name"] is None:
        del changes["name"]  # a business always has a name
    return await update_profile(PydanticObjectId(principal.account_id), changes)
