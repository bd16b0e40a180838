"""/v1/mobile-app/devices: the caller's devices for push notifications (FCM and Expo tokens)."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response

from internal_api.mobile_app import service
from internal_api.mobile_app.auth import DeviceOwner
from internal_api.mobile_app.repository import DeviceRepository
from internal_api.mobile_app.schemas import DeviceCreate, DeviceRead
from shared.models.push_device import PushDevice
from shared.utilities.errors import InvalidInput, NotFound, Unauthorized, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/mobile-app", tags=["mobile app"])

DevicePaging = Annotated[
    PageParams, Depends(sorted_by(DeviceRepository.sortable, default="-last_seen_at"))
]
# Registering answers 201 with a new device, 200 with the one its token was registered as.
REGISTERED_BEFORE: dict[int | str, dict[str, Any]] = {
    200: {"model": DeviceRead, "description": "The token was registered: that device, updated."}
}


@router.post(
    "/devices",
    status_code=201,
    response_model=DeviceRead,
    summary="Register the device's push token for the caller",
    description="The app calls it on every start and whenever the provider gives it a new "
    "token. The device is the user's, not an account's: it receives the user's pushes from "
    "every account they are a user of. A token registered before is updated (200), and moves "
    "to the caller if another user registered it; a new token for the same `install_id` "
    "replaces the old one. A user keeps their 20 most recently seen devices.",
    responses={**REGISTERED_BEFORE, **error_responses(Unauthorized, InvalidInput)},
)
async def register_device(
    principal: DeviceOwner, body: DeviceCreate, response: Response
) -> PushDevice:
    device, created = await service.register_device(principal, body)
    response.status_code = 201 if created else 200
    return device


@router.get(
    "/devices",
    response_model=Page[DeviceRead],
    summary="The caller's devices, most recently seen first",
    responses=error_responses(Unauthorized, InvalidInput),
)
async def list_devices(principal: DeviceOwner, paging: DevicePaging) -> Page[PushDevice]:
    return await service.list_devices(principal, paging)


@router.delete(
    "/devices/{device_id}",
    status_code=204,
    summary="Remove one of the caller's devices: it receives no more pushes",
    responses=error_responses(Unauthorized, NotFound),
)
async def delete_device(principal: DeviceOwner, device_id: str) -> Response:
    await service.delete_device(principal, device_id)
    return Response(status_code=204)
