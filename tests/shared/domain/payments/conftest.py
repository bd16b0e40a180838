"""Stripe faked at the HTTP transport (`tests/external_api/fakes/stripe_payments.py`), and the
test provider with the events it tells kept for the test to read."""

import httpx
import pytest

from shared.domain.payments.local_provider import TestPaymentProvider
from shared.domain.payments.stripe import StripePaymentProvider
from shared.utilities.settings import RunMode
from tests.external_api.fakes import FakeProviders
from tests.external_api.fakes.stripe_payments import API, SECRET_KEY


@pytest.fixture
def fake_stripe() -> FakeProviders:
    return FakeProviders()


@pytest.fixture
async def stripe(fake_stripe):
    async with httpx.AsyncClient(transport=fake_stripe.transport()) as http:
        yield StripePaymentProvider(http, SECRET_KEY, API)


class ToldEvents(list):
    async def __call__(self, event: dict) -> None:
        self.append(event)

    def types(self) -> list[str]:
        return [event["type"] for event in self]


@pytest.fixture
def told() -> ToldEvents:
    return ToldEvents()


@pytest.fixture
def local(mongo, told) -> TestPaymentProvider:
    return TestPaymentProvider(RunMode.EMBEDDED, events=told)
