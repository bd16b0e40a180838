"""The signed-in user's own notification preferences in the active account."""

from fastapi import APIRouter

from notifications.preferences import service
from notifications.preferences.schemas import PreferenceRead, PreferenceUpdate
from shared.utilities.auth import CurrentUser
from shared.utilities.errors import Conflict, InvalidInput, Unauthorized, error_responses

router = APIRouter(prefix="/v1/notifications/preferences", tags=["notification preferences"])


@router.get(
    "/me",
    summary="What the user receives here: channels, kinds of notification, quiet hours",
    responses=error_responses(Unauthorized),
)
async def read_preferences(principal: CurrentUser) -> PreferenceRead:
    return PreferenceRead.of(await service.preference_of(principal.account_id, principal.sub))


@router.patch(
    "/me",
    summary="Change what the user receives; what is not given stays",
    responses=error_responses(Unauthorized, Conflict, InvalidInput),
)
async def update_preferences(principal: CurrentUser, body: PreferenceUpdate) -> PreferenceRead:
    preference = await service.update_preference(principal.account_id, principal.sub, body)
    return PreferenceRead.of(preference)
