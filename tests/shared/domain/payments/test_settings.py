"""Which provider a process gets: Stripe with a key, the test provider in embedded mode
without one, and none in distributed mode without one."""

import httpx
import pytest

from shared.domain.payments.errors import PaymentsNotConfigured
from shared.domain.payments.local_provider import TestPaymentProvider
from shared.domain.payments.settings import PaymentSettings, payment_provider
from shared.domain.payments.stripe import StripePaymentProvider
from shared.utilities.settings import RunMode


async def provider_for(**settings):
    async with httpx.AsyncClient() as http:
        return payment_provider(PaymentSettings(**settings), http)


async def test_a_stripe_key_gets_stripe():
    assert isinstance(await provider_for(stripe_secret_key="sk_test_1"), StripePaymentProvider)


async def test_embedded_mode_without_a_key_gets_the_test_provider():
    provider = await provider_for(mode=RunMode.EMBEDDED, stripe_secret_key="")

    assert isinstance(provider, TestPaymentProvider)


async def test_distributed_mode_without_a_key_is_refused():
    backends = {
        "mongo_url": "mongodb://mongo",
        "redis_url": "redis://redis",
        "jwt_public_key": "k",
        "service_token_public_key": "k",
    }

    with pytest.raises(PaymentsNotConfigured):
        await provider_for(mode=RunMode.DISTRIBUTED, stripe_secret_key="", **backends)
