"""The devices a user receives push notifications on.

Devices are the user's, not an account's: pushes from every account the user is a user of go
to each of them. The app registers its token on every start: a token registered before is
updated (never stored twice), and moves to the caller when another user held it (the phone
changed hands). A new token for an install (`install_id`) replaces its old one, and a user
keeps their `MAX_DEVICES` most recently seen devices, so pushes go to phones still in use.
The notification service removes a device whose token its provider reports dead.
"""

from pymongo.errors import DuplicateKeyError

from internal_api.mobile_app.repository import DeviceRepository
from internal_api.mobile_app.schemas import DeviceCreate
from shared.models.base import utc_now
from shared.models.push_device import PushDevice
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams

MAX_DEVICES = 20


def mine(principal: Principal) -> DeviceRepository:
    return DeviceRepository(principal.sub)


async def register_device(principal: Principal, body: DeviceCreate) -> tuple[PushDevice, bool]:
    """The device, and whether it is new (its token was never registered)."""
    devices = mine(principal)
    device, created = await save_token(devices, body)
    await devices.delete_older_tokens(device)
    await devices.delete_all_but_latest(MAX_DEVICES)
    return device, created


async def save_token(devices: DeviceRepository, body: DeviceCreate) -> tuple[PushDevice, bool]:
    fields = {**body.model_dump(), "last_seen_at": utc_now()}
    device = await devices.holding(body.token)
    if device is None:
        try:
            return await devices.add(**fields), True
        except DuplicateKeyError:
            # Registered by a request running at the same moment (the app retrying).
            device = await devices.holding(body.token)
            if device is None:
                raise
    for field, value in {**fields, "user_id": devices.owner_id}.items():
        setattr(device, field, value)
    await device.save()
    return device, False


async def list_devices(principal: Principal, params: PageParams) -> Page[PushDevice]:
    return await mine(principal).paginate(params)


async def delete_device(principal: Principal, device_id: str) -> None:
    """Another user's device answers 404, like a missing one."""
    await mine(principal).delete(device_id)
