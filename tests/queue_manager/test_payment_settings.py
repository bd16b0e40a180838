"""The queue manager takes payments through Stripe in distributed mode: a worker running
billing's queues without the Stripe key stops at start, naming it."""

import pytest
from pydantic import ValidationError

from queue_manager.settings import QueueManagerSettings
from queue_manager.switches import QueueSwitches
from shared.utilities.settings import RunMode

BACKENDS = {
    "mongo_url": "mongodb://mongo:27017",
    "redis_url": "redis://redis:6379/0",
    "jwt_public_key": "k",
    "service_token_public_key": "k",
    "webhook_encryption_keys": "k",
    "reports_link_key": "key",
}


def test_distributed_billing_charges_without_a_stripe_key_stop_at_start():
    with pytest.raises(ValidationError, match="EXTERNAL_API_STRIPE_SECRET_KEY"):
        QueueManagerSettings(
            mode=RunMode.DISTRIBUTED,
            stripe_secret_key="",
            switches=QueueSwitches(subscription_pending_subaccount_charge=True),
            **BACKENDS,
        )


def test_a_worker_taking_no_payments_needs_no_stripe_key():
    settings = QueueManagerSettings(
        mode=RunMode.DISTRIBUTED, stripe_secret_key="", switches=QueueSwitches(), **BACKENDS
    )

    assert settings.stripe_secret_key.get_secret_value() == ""


def test_distributed_auto_reload_without_a_stripe_key_stops_at_start():
    with pytest.raises(ValidationError, match="EXTERNAL_API_STRIPE_SECRET_KEY"):
        QueueManagerSettings(
            mode=RunMode.DISTRIBUTED,
            stripe_secret_key="",
            switches=QueueSwitches(onebalance_balance_reload_stream=True),
            **BACKENDS,
        )
