"""Every query of the mobile app's devices: a user's own, and a token whoever holds it (a
token registered by another user moves to them)."""

from typing import Any

from beanie import PydanticObjectId

from shared.models.push_device import PushDevice
from shared.utilities.repository import OwnedRepository


class DeviceRepository(OwnedRepository[PushDevice]):
    """A user's devices."""

    noun = "Device"
    sortable = frozenset({"created_at", "last_seen_at"})

    def __init__(self, user_id: str | PydanticObjectId) -> None:
        super().__init__(PushDevice, "user_id", user_id)

    @staticmethod
    async def holding(token: str) -> PushDevice | None:
        """The device registered with this token, whichever user's it is."""
        return await PushDevice.find_one({"token": token})

    async def add(self, **fields: Any) -> PushDevice:
        return await PushDevice(**fields, user_id=self.owner_id).insert()

    async def delete_older_tokens(self, device: PushDevice) -> None:
        """The install's earlier registrations: the provider has replaced their tokens."""
        older = {"install_id": device.install_id, "_id": {"$ne": device.id}}
        await PushDevice.find(self.scoped(older)).delete()

    async def delete_all_but_latest(self, keep: int) -> None:
        """The user's devices past the `keep` seen most recently."""
        stale = await PushDevice.find(self.scoped()).sort("-last_seen_at").skip(keep).to_list()
        if stale:
            await PushDevice.find({"_id": {"$in": [device.id for device in stale]}}).delete()
