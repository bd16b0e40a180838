"""Which provider each channel gets: the configured one, or the outbox without keys."""

import httpx
import pytest

from notifications.providers.registry import providers_for
from notifications.settings import NotificationsSettings
from tests.notifications.conftest import configured_settings


@pytest.fixture
async def client():
    async with httpx.AsyncClient() as client:
        yield client


async def test_configured_channels_get_their_providers(client):
    providers = providers_for(configured_settings(), client)

    assert providers.email.name == "sendgrid"
    assert providers.sms.name == "twilio"
    assert providers.push_for("fcm-token").name == "fcm"
    assert providers.push_for("ExponentPushToken[abc]").name == "expo"


async def test_without_keys_every_channel_goes_to_the_outbox(client, caplog):
    providers = providers_for(NotificationsSettings(), client)

    assert providers.email.name == providers.sms.name == "outbox"
    assert providers.push_for("fcm-token").name == "outbox"
    assert providers.push_for("ExponentPushToken[abc]").name == "outbox"
    assert "sendgrid goes to the outbox: NOTIFICATIONS_SENDGRID_API_KEY" in caplog.text


async def test_one_channel_without_keys_goes_to_the_outbox_alone(client):
    providers = providers_for(configured_settings(twilio_auth_token=""), client)

    assert providers.sms.name == "outbox"
    assert providers.email.name == "sendgrid"
