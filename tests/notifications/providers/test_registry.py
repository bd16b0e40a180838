"""Which provider each channel gets: the configured one, or the outbox without keys."""

import httpx
import pytest

from notifications.providers.registry import kind_of, providers_for
from notifications.settings import NotificationsSettings
from shared.models.push_device import PushKind
from tests.notifications.conftest import configured_settings


@pytest.fixture
async def client():
    async with httpx.AsyncClient() as client:
        yield client


async def test_configured_channels_get_their_providers(client):
    providers = providers_for(configured_settings(), client)

    assert providers.email.name == "sendgrid"
    assert providers.sms.name == "twilio"
    assert providers.push_for(PushKind.FCM).name == "fcm"
    assert providers.push_for(PushKind.EXPO).name == "expo"


async def test_without_keys_every_channel_goes_to_the_outbox(client, caplog):
    providers = providers_for(NotificationsSettings(), client)

    assert providers.email.name == providers.sms.name == "outbox"
    assert providers.push_for(PushKind.FCM).name == "outbox"
    assert providers.push_for(PushKind.EXPO).name == "outbox"
    assert "sendgrid goes to the outbox: NOTIFICATIONS_SENDGRID_API_KEY" in caplog.text


async def test_one_channel_without_keys_goes_to_the_outbox_alone(client):
    providers = providers_for(configured_settings(twilio_auth_token=""), client)

    assert providers.sms.name == "outbox"
    assert providers.email.name == "sendgrid"


@pytest.mark.parametrize(
    ("token", "kind"),
    [("ExponentPushToken[abc]", PushKind.EXPO), ("fcm-registration-token", PushKind.FCM)],
)
def test_a_token_given_as_is_goes_to_the_provider_of_its_shape(token, kind):
    assert kind_of(token) is kind
