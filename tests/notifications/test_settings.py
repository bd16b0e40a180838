"""Distributed mode refuses to start without an enabled channel's provider keys."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from notifications.settings import NotificationsSettings
from shared.utilities.settings import RunMode
from tests.notifications.conftest import configured_settings

ROOT = Path(__file__).resolve().parents[2]
BACKENDS = {
    "mode": RunMode.DISTRIBUTED,
    "mongo_url": "mongodb://mongo:27017",
    "redis_url": "redis://redis:6379",
    "jwt_public_key": "key",
    "service_token_public_key": "key",
    "unsubscribe_secret": "secret",
}


def test_distributed_mode_starts_with_every_providers_keys():
    settings = configured_settings(**BACKENDS)

    assert settings.mode is RunMode.DISTRIBUTED


def test_distributed_mode_names_the_missing_key_of_an_enabled_channel():
    with pytest.raises(ValidationError, match="NOTIFICATIONS_TWILIO_AUTH_TOKEN is required"):
        configured_settings(**BACKENDS, twilio_auth_token="")


def test_distributed_mode_starts_without_the_keys_of_a_channel_left_out():
    settings = configured_settings(**BACKENDS, twilio_auth_token="", enabled_channels=["email"])

    assert settings.missing_for("sms") == ["NOTIFICATIONS_TWILIO_AUTH_TOKEN"]


def test_distributed_mode_needs_an_unsubscribe_secret():
    with pytest.raises(ValidationError, match="NOTIFICATIONS_UNSUBSCRIBE_SECRET is required"):
        configured_settings(**{**BACKENDS, "unsubscribe_secret": ""})


def test_embedded_mode_starts_without_any_key():
    assert NotificationsSettings().missing_for("email")


def test_a_sendgrid_webhook_key_that_is_not_an_ecdsa_key_is_refused():
    with pytest.raises(ValidationError, match="not an ECDSA public key"):
        configured_settings(sendgrid_webhook_public_key="bm90IGEga2V5")


def test_the_service_stops_at_start_up_with_one_line_naming_the_missing_keys():
    environment = {
        **os.environ,
        "PLATFORM_MODE": "distributed",
        "MONGO_URL": "mongodb://127.0.0.1:9",
        "JWT_PUBLIC_KEY": "key",
        "SERVICE_TOKEN_PUBLIC_KEY": "key",
        "NOTIFICATIONS_UNSUBSCRIBE_SECRET": "secret",
    }

    result = subprocess.run(
        [sys.executable, "-m", "notifications"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "configuration error: NOTIFICATIONS_SENDGRID_API_KEY, "
        "NOTIFICATIONS_SENDGRID_WEBHOOK_PUBLIC_KEY, NOTIFICATIONS_EMAIL_FROM_ADDRESS "
        "are required in distributed mode for email "
        "(or leave email out of NOTIFICATIONS_ENABLED_CHANNELS)"
    ]


def test_the_stale_time_must_outlast_the_longest_wait_between_tries():
    with pytest.raises(ValidationError, match="greater than 300"):
        NotificationsSettings(stale_seconds=120)
