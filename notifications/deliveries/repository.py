"""Every query of the delivery log, and of the recipients a user may send to.

`DeliveryRepository` is an account's log, for its users. `AllDeliveries` reaches across
accounts, for the processes that act on a delivery by its id or its provider's message id (the
send, the sweep, the providers' status reports and receipts), never on a user's behalf.
`PushDevices` are the devices users receive pushes on, which are the user's, in every account
they are in.
"""

from datetime import datetime, timedelta
from typing import Any

from beanie import PydanticObjectId

from shared.models.base import utc_now
from shared.models.contact import Contact
from shared.models.notification_delivery import DeliveryStatus, NotificationDelivery
from shared.models.push_device import PushDevice
from shared.models.user import User
from shared.utilities.repository import TenantRepository, object_id


class DeliveryRepository(TenantRepository[NotificationDelivery]):
    noun = "Delivery"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(NotificationDelivery, account_id)


class RecipientRepository:
    """The account's contacts and users, as recipients."""

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        self.contacts = TenantRepository(Contact, account_id)

    async def contact(self, contact_id: str) -> Contact | None:
        """A live contact of the account (a deleted one is no recipient)."""
        oid = object_id(contact_id)
        return await self.contacts.find_one({"_id": oid, "deleted_at": None}) if oid else None

    @staticmethod
    async def user(user_id: PydanticObjectId) -> User | None:
        """A user, once `shared.domain.accounts.users` has said they are the account's."""
        return await User.get(user_id)


class AllDeliveries:
    @staticmethod
    async def by_id(delivery_id: str) -> NotificationDelivery | None:
        oid = object_id(delivery_id)
        return await NotificationDelivery.get(oid) if oid else None

    @staticmethod
    async def by_provider_message(
        provider: str, message_ids: list[str]
    ) -> NotificationDelivery | None:
        return await NotificationDelivery.find_one(
            {"provider": provider, "provider_message_id": {"$in": message_ids}}
        )

    @staticmethod
    async def claim_each(query: dict[str, Any], update: dict[str, Any]) -> list[str]:
        """Applies `update` to each delivery matching `query`, one at a time (each claim is
        atomic, so replicas sweeping at once take each delivery once); their ids."""
        collection = NotificationDelivery.get_motor_collection()
        claimed = []
        while found := await collection.find_one_and_update(query, update):
            claimed.append(str(found["_id"]))
        return claimed

    @staticmethod
    async def with_receipts_due(now: datetime, limit: int) -> list[NotificationDelivery]:
        """Deliveries with a device whose push receipt is due; not those still `queued`,
        whose send is still writing them."""
        return (
            await NotificationDelivery.find(
                {"devices.receipt_due_at": {"$lte": now}, "status": {"$ne": DeliveryStatus.QUEUED}}
            )
            .limit(limit)
            .to_list()
        )

    @staticmethod
    async def save_outcome_unless_written_since(
        delivery: NotificationDelivery, read_at: datetime
    ) -> bool:
        """Stores the delivery's devices and status unless it was written after `read_at` (its
        `updated_at` when read); whether it was stored. Its `updated_at` moves past `read_at`,
        so another writer holding the same read stores nothing."""
        written = await NotificationDelivery.find_one(
            {"_id": delivery.id, "updated_at": read_at}
        ).update(
            {
                "$set": {
                    "devices": delivery.devices,
                    "status": delivery.status,
                    "reason": delivery.reason,
                    "history": delivery.history,
                    "updated_at": max(utc_now(), read_at + timedelta(milliseconds=1)),
                }
            }
        )
        return written.matched_count == 1


class PushDevices:
    @staticmethod
    async def of_user(user_id: PydanticObjectId) -> list[PushDevice]:
        return await PushDevice.find({"user_id": user_id}).sort("-last_seen_at").to_list()

    @staticmethod
    async def still_registered(
        user_id: PydanticObjectId, device_ids: list[PydanticObjectId]
    ) -> set[tuple[PydanticObjectId, str]]:
        """Those of the devices still the user's, each with its token (it may have changed)."""
        found = await PushDevice.find({"_id": {"$in": device_ids}, "user_id": user_id}).to_list()
        return {(device.id, device.token) for device in found}

    @staticmethod
    async def forget_token(token: str) -> None:
        """The device of a token its provider reports dead, whoever's it is."""
        await PushDevice.find({"token": token}).delete()
