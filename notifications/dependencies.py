"""Dependencies the notification service's routes share."""

from typing import Annotated

from fastapi import Depends, Request

from notifications.deliveries.dispatch import Dispatcher
from notifications.settings import NotificationsSettings
from shared.utilities.auth import Principal, requires

NotificationsReader = Annotated[Principal, Depends(requires("notifications:read"))]
TemplatesWriter = Annotated[Principal, Depends(requires("account:write"))]
# Users send with the scope; other services (invitations, password resets) with their token.
Sender = Annotated[Principal, Depends(requires("notifications:write", allow_service=True))]


def get_settings(request: Request) -> NotificationsSettings:
    return request.app.state.settings


Settings = Annotated[NotificationsSettings, Depends(get_settings)]


def get_dispatcher(request: Request) -> Dispatcher:
    return request.app.state.dispatcher


DeliveryDispatcher = Annotated[Dispatcher, Depends(get_dispatcher)]
