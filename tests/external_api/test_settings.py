"""The external API's settings: distributed mode refuses to start without encryption keys."""

import pytest
from pydantic import ValidationError

from external_api.settings import ExternalApiSettings
from shared.utilities.settings import describe_settings_error

DISTRIBUTED = {
    "mode": "distributed",
    "mongo_url": "mongodb://mongo:27017",
    "redis_url": "redis://redis:6379",
    "jwt_public_key": "pem",
    "service_token_public_key": "pem",
}


def test_distributed_mode_without_encryption_keys_fails_in_one_line():
    with pytest.raises(ValidationError) as raised:
        ExternalApiSettings(**DISTRIBUTED, encryption_keys="")

    line = describe_settings_error(ExternalApiSettings, raised.value)
    assert line == (
        "configuration error: INTEGRATIONS_ENCRYPTION_KEYS is required in distributed mode"
    )


def test_distributed_mode_with_a_key_starts():
    settings = ExternalApiSettings(**DISTRIBUTED, encryption_keys="a-key")

    assert settings.encryption_keys == "a-key"
