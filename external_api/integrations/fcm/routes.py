"""/v1/e/fcm: push through the platform's Firebase project, for the notifications service only
(its deliveries' push to FCM tokens)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from external_api.integrations.fcm import service
from external_api.integrations.fcm.client import FcmClient
from external_api.integrations.fcm.errors import FcmNotConfigured, PushRejected, PushTokenInvalid
from external_api.integrations.fcm.schemas import PushMessageCreate, PushMessageSent
from external_api.integrations.framework.errors import ProviderFailed
from shared.utilities.auth import Principal, requires_service
from shared.utilities.errors import (
    Forbidden,
    InvalidInput,
    RateLimited,
    Unauthorized,
    UpstreamError,
    UpstreamTimeout,
    error_responses,
)

router = APIRouter(prefix="/v1/e/fcm", tags=["fcm"])

Notifications = Annotated[Principal, Depends(requires_service("notifications"))]


def get_fcm(request: Request) -> FcmClient | None:
    return request.app.state.fcm


Fcm = Annotated[FcmClient | None, Depends(get_fcm)]


@router.post(
    "/messages",
    summary="Send one push to a device's FCM token (the notifications service only)",
    responses=error_responses(
        Unauthorized,
        Forbidden,
        InvalidInput,
        PushTokenInvalid,
        PushRejected,
        RateLimited,
        ProviderFailed,
        UpstreamError,
        UpstreamTimeout,
        FcmNotConfigured,
    ),
)
async def send_message(
    caller: Notifications, fcm: Fcm, message: PushMessageCreate
) -> PushMessageSent:
    return await service.send(fcm, message)
