"""Push to a device on the platform's Firebase project, for the notifications service."""

from external_api.integrations.fcm.client import FcmClient
from external_api.integrations.fcm.errors import FcmNotConfigured
from external_api.integrations.fcm.schemas import PushMessageCreate, PushMessageSent


async def send(fcm: FcmClient | None, message: PushMessageCreate) -> PushMessageSent:
    if fcm is None:
        raise FcmNotConfigured()
    return PushMessageSent(name=await fcm.send(message))
