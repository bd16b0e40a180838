"""The public layer's settings: limits read as text, and no development stamp key outside
embedded mode."""

import pytest
from pydantic import ValidationError

from internal_api.settings import InternalApiSettings
from shared.utilities.ratelimit import Limit
from shared.utilities.settings import describe_settings_error

DISTRIBUTED = {
    "mode": "distributed",
    "mongo_url": "mongodb://mongo:27017",
    "redis_url": "redis://redis:6379",
    "jwt_public_key": "pem",
    "service_token_public_key": "pem",
    "webhook_encryption_keys": "key",
    "two_factor_encryption_keys": "key",
    "form_encryption_keys": "key",
    "session_state_key": "key",
    "edocs_link_key": "key",
    "booking_link_secret": "secret",
    "reports_link_key": "key",
}


def test_the_limits_are_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("INTERNAL_API_PUBLIC_RATE_LIMIT_PER_IP", "5/minute, 50/day")
    monkeypatch.setenv("INTERNAL_API_PUBLIC_RATE_LIMIT_PER_KEY", "")

    settings = InternalApiSettings()

    assert settings.public_rate_limit_per_ip == (Limit(5, 60), Limit(50, 86400))
    assert settings.public_rate_limit_per_key == ()


def test_distributed_mode_without_a_stamp_key_fails_in_one_line():
    with pytest.raises(ValidationError) as raised:
        InternalApiSettings(**DISTRIBUTED)

    line = describe_settings_error(InternalApiSettings, raised.value)
    assert line == (
        "configuration error: INTERNAL_API_PUBLIC_STAMP_KEY is required in distributed mode"
    )


def test_distributed_mode_with_a_stamp_key_starts():
    settings = InternalApiSettings(**DISTRIBUTED, public_stamp_key="a-key")

    assert settings.public_stamp_key == "a-key"
