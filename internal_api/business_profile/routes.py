"""/v1/business-profile: the business the account's websites show (name, address, opening
hours, phone, email, logo). Each change reaches every Duda site of the account's content
library within moments (QM_SITE_UPDATE_BUSINESS), once per change, retried while Duda is down.
Until the account edits it, it is read from the account's name and logo and a connected Google
Business location."""

from fastapi import APIRouter

from internal_api.business_profile import service
from internal_api.business_profile.auth import ProfileAdmin, ProfileRead
from internal_api.business_profile.schemas import BusinessProfileRead, BusinessProfileUpdate
from shared.models.business_profile import BusinessProfile
from shared.utilities.errors import SIGNED_IN, error_responses

router = APIRouter(prefix="/v1/business-profile", tags=["sites"])


@router.get(
    "",
    response_model=BusinessProfileRead,
    summary="The account's business profile",
    responses=error_responses(*SIGNED_IN),
)
async def read_profile(principal: ProfileRead) -> BusinessProfile:
    return await service.read_profile(principal)


@router.patch(
    "",
    response_model=BusinessProfileRead,
    summary="Change the business profile; the account's sites follow",
    responses=error_responses(*SIGNED_IN),
)
async def change_profile(body: BusinessProfileUpdate, principal: ProfileAdmin) -> BusinessProfile:
    return await service.change_profile(principal, body)
