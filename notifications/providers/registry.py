"""The provider of each channel, as the settings configure them.

A channel whose provider has no keys goes to the outbox (settings refuse that in distributed
mode, so it happens in embedded mode only). Push goes to the provider of its token's kind: the
kind a device was registered with, or for a token given as is, Expo for Expo's shape and FCM
for the rest (sent through the external API, which holds the platform's Firebase project).
Expo needs no key, but follows FCM to the outbox, so an unconfigured platform sends nothing
out (and has no Expo receipts to read).
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

import httpx

from notifications.providers.base import EmailProvider, PushProvider, SmsProvider
from notifications.providers.expo import ExpoPush, ExpoReceipts, is_expo_token
from notifications.providers.fcm import FcmPush
from notifications.providers.outbox import OutboxProvider
from notifications.providers.sendgrid import SendGridEmail
from notifications.providers.twilio import TwilioSms
from notifications.settings import NotificationsSettings
from shared.models.notification_template import Channel
from shared.models.push_device import PushKind
from shared.utilities.auth import authenticator_for
from shared.utilities.siblings import SiblingService

logger = logging.getLogger(__name__)

TWILIO_CALLBACK_PATH = "/v1/notifications/webhooks/twilio"


@dataclass(frozen=True)
class Providers:
    email: EmailProvider
    sms: SmsProvider
    fcm: PushProvider
    expo: PushProvider
    # Where the receipts of Expo's pushes are read; None when Expo goes to the outbox.
    expo_receipts: ExpoReceipts | None

    def push_for(self, kind: PushKind) -> PushProvider:
        return self.expo if kind is PushKind.EXPO else self.fcm


def kind_of(token: str) -> PushKind:
    """The kind of a token given as is (a service's `to`)."""
    return PushKind.EXPO if is_expo_token(token) else PushKind.FCM


def providers_for(settings: NotificationsSettings, client: httpx.AsyncClient) -> Providers:
    return Providers(
        email=email_provider(settings, client),
        sms=sms_provider(settings, client),
        fcm=fcm_provider(settings, client),
        expo=expo_provider(settings, client),
        expo_receipts=expo_receipts(settings, client),
    )


def missing_keys(settings: NotificationsSettings, channel: Channel, provider: str) -> bool:
    missing = settings.missing_for(channel)
    if missing:
        logger.warning("%s goes to the outbox: %s not set", provider, ", ".join(missing))
    return bool(missing)


def email_provider(settings: NotificationsSettings, client: httpx.AsyncClient) -> EmailProvider:
    if missing_keys(settings, Channel.EMAIL, "sendgrid"):
        return OutboxProvider(Channel.EMAIL, "sendgrid")
    return SendGridEmail(
        client,
        settings.sendgrid_base_url,
        settings.sendgrid_api_key.get_secret_value(),
        settings.email_from_address,
    )


def sms_provider(settings: NotificationsSettings, client: httpx.AsyncClient) -> SmsProvider:
    if missing_keys(settings, Channel.SMS, "twilio"):
        return OutboxProvider(Channel.SMS, "twilio")
    return TwilioSms(
        client,
        settings.twilio_base_url,
        settings.twilio_account_sid,
        settings.twilio_auth_token.get_secret_value(),
        settings.twilio_from_number,
        settings.public_url.rstrip("/") + TWILIO_CALLBACK_PATH,
    )


def fcm_provider(settings: NotificationsSettings, client: httpx.AsyncClient) -> PushProvider:
    if missing_keys(settings, Channel.PUSH, "fcm"):
        return OutboxProvider(Channel.PUSH, "fcm")
    external_api = SiblingService(
        client,
        settings.external_api_url,
        authenticator_for(settings),
        "notifications",
        "external_api",
    )
    return FcmPush(external_api)


def expo_provider(settings: NotificationsSettings, client: httpx.AsyncClient) -> PushProvider:
    if settings.missing_for(Channel.PUSH):
        return OutboxProvider(Channel.PUSH, "expo")
    # The access token is for Expo projects that ask one; Expo takes pushes without it.
    return ExpoPush(
        client,
        settings.expo_base_url,
        settings.expo_access_token.get_secret_value(),
        timedelta(seconds=settings.expo_receipt_delay_seconds),
    )


def expo_receipts(
    settings: NotificationsSettings, client: httpx.AsyncClient
) -> ExpoReceipts | None:
    if settings.missing_for(Channel.PUSH):
        return None
    return ExpoReceipts(
        client, settings.expo_base_url, settings.expo_access_token.get_secret_value()
    )
