"""The queue manager opens provider tokens with INTEGRATIONS_ENCRYPTION_KEYS: required in
distributed mode while its `integrations` queue runs."""

import pytest
from pydantic import ValidationError

from queue_manager.settings import QueueManagerSettings
from queue_manager.switches import QueueSwitches

DISTRIBUTED = {
    "mode": "distributed",
    "mongo_url": "mongodb://mongo:27017",
    "redis_url": "redis://redis:6379",
    "jwt_public_key": "pem",
    "service_token_public_key": "pem",
    "webhook_encryption_keys": "key",
    "reports_link_key": "key",
}


def test_distributed_mode_running_integrations_without_their_keys_fails():
    with pytest.raises(ValidationError, match="INTEGRATIONS_ENCRYPTION_KEYS is required"):
        QueueManagerSettings(
            **DISTRIBUTED,
            integrations_encryption_keys="",
            switches=QueueSwitches(integrations=True),
        )


def test_without_the_integrations_queue_no_key_is_needed():
    settings = QueueManagerSettings(
        **DISTRIBUTED,
        integrations_encryption_keys="",
        switches=QueueSwitches(integrations=False),
    )

    assert settings.integrations_encryption_keys == ""
