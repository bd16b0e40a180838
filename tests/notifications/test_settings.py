"""Distributed mode refuses to start without an enabled channel's provider keys."""

import os
import secrets
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
    "service_token_private_key": "key",
    "unsubscribe_secret": secrets.token_urlsafe(32),
}


def test_distributed_mode_starts_with_every_providers_keys():
    settings = configured_settings(**BACKENDS)

    assert settings.mode is RunMode.DISTRIBUTED


def test_distributed_mode_names_the_missing_key_of_an_enabled_channel():
    with pytest.raises(ValidationError, match="NOTIFICATIONS_TWILIO_AUTH_TOKEN is required"):
        configured_settings(**BACKENDS, twilio_auth_token="")


def test_distributed_mode_needs_the_service_token_key_push_calls_the_external_api_with():
    with pytest.raises(ValidationError, match="SERVICE_TOKEN_PRIVATE_KEY is required"):
        configured_settings(**{**BACKENDS, "service_token_private_key": ""})


def test_distributed_mode_names_the_external_api_url_push_needs():
    with pytest.raises(ValidationError, match="NOTIFICATIONS_EXTERNAL_API_URL is required"):
        configured_settings(**BACKENDS, external_api_url="")


def test_distributed_mode_starts_without_the_keys_of_a_channel_left_out():
    settings = configured_settings(**BACKENDS, twilio_auth_token="", enabled_channels=["email"])

    assert settings.missing_for("sms") == ["NOTIFICATIONS_TWILIO_AUTH_TOKEN"]


@pytest.mark.parametrize(
    "secret",
    [
        "",
        "secret",
        "correct horse battery staple, twice over",  # a passphrase, not random bytes
        secrets.token_urlsafe(16),  # 16 random bytes
        "a" * 64,  # 32 bytes in hex, all the same
    ],
    ids=["empty", "a word", "a passphrase", "16 random bytes", "32 equal bytes"],
)
def test_distributed_mode_needs_an_unsubscribe_secret_of_32_random_bytes(secret):
    with pytest.raises(
        ValidationError, match="NOTIFICATIONS_UNSUBSCRIBE_SECRET must be at least 32"
    ):
        configured_settings(**{**BACKENDS, "unsubscribe_secret": secret})


@pytest.mark.parametrize(
    "secret",
    [secrets.token_urlsafe(32), secrets.token_hex(32)],
    ids=["base64", "hex"],
)
def test_a_secret_of_32_random_bytes_in_base64_or_hex_is_taken(secret):
    settings = configured_settings(**{**BACKENDS, "unsubscribe_secret": secret})

    assert settings.unsubscribe_secret.get_secret_value() == secret


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
        "NOTIFICATIONS_UNSUBSCRIBE_SECRET": secrets.token_urlsafe(32),
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
