"""Every query of sites' business data: an account's profile, its first Google Business
location and its Duda sites."""

from beanie import PydanticObjectId
from pydantic import BaseModel, Field

from shared.models.account import Account
from shared.models.business_location import BusinessLocation
from shared.models.business_profile import BusinessProfile
from shared.models.duda_site import DudaSite


class SiteId(BaseModel):
    id: PydanticObjectId = Field(alias="_id")


async def stored_profile(account_id: PydanticObjectId) -> BusinessProfile | None:
    return await BusinessProfile.find_one({"account_id": account_id})


async def account(account_id: PydanticObjectId) -> Account | None:
    return await Account.get(account_id)


async def a_location(account_id: PydanticObjectId) -> BusinessLocation | None:
    """One of the account's Google Business locations (most accounts have one)."""
    return await BusinessLocation.find_one({"account_id": account_id})


async def site_ids(account_id: PydanticObjectId) -> list[PydanticObjectId]:
    sites = await DudaSite.find({"account_id": account_id}).project(SiteId).to_list()
    return [site.id for site in sites]
