"""Dependencies the notification service's routes share: its settings, and what sending and
rendering need (made in the app's lifespan)."""

from typing import Annotated

from fastapi import Depends, Request

from notifications.deliveries.service import SendContext
from notifications.settings import NotificationsSettings
from notifications.templates.rendering import TemplateRenderer


def get_settings(request: Request) -> NotificationsSettings:
    return request.app.state.settings


Settings = Annotated[NotificationsSettings, Depends(get_settings)]


def get_renderer(request: Request) -> TemplateRenderer:
    return request.app.state.renderer


Renderer = Annotated[TemplateRenderer, Depends(get_renderer)]


def get_send_context(request: Request) -> SendContext:
    state = request.app.state
    return SendContext(state.settings, state.redis, state.renderer, state.dispatcher)


Sending = Annotated[SendContext, Depends(get_send_context)]
