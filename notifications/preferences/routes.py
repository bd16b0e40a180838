"""The signed-in user's own notification preferences in the active account."""

from fastapi import APIRouter

from notifications.preferences import service
from notifications.preferences.schemas import PreferenceRead, PreferenceUpdate
from shared.models.notification_preference import NotificationPreference
from shared.utilities.auth import CurrentUser
from shared.utilities.errors import Conflict, InvalidInput, Unauthorized, error_responses

router = APIRouter(prefix="/v1/notifications/preferences", tags=["notification preferences"])


@router.get(
    "/me",
    response_model=PreferenceRead,
    summary="What the user receives here: channels, kinds of notification, quiet hours",
    responses=error_responses(Unauthorized),
)
async def read_preferences(principal: CurrentUser) -> NotificationPreference:
    return await service.preference_of(principal.account_id, principal.sub)


@router.patch(
    "/me",
    response_model=PreferenceRead,
    summary="Change what the user receives; what is not given stays",
    responses=error_responses(Unauthorized, Conflict, InvalidInput),
)
async def update_preferences(
    principal: CurrentUser, body: PreferenceUpdate
) -> NotificationPreference:
    return await service.update_preference(principal.account_id, principal.sub, body)
