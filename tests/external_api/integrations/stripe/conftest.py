"""The external API with the platform's Stripe Connect application configured."""

import pytest

from external_api.integrations.stripe.settings import StripeSettings
from tests.external_api.factories import create_connection
from tests.external_api.fakes.stripe import ACCESS_TOKEN, CLIENT_ID, SECRET_KEY, WEBHOOK_SECRET


def stripe_settings(**overrides) -> StripeSettings:
    fields = {"secret_key": SECRET_KEY, "client_id": CLIENT_ID, "webhook_secret": WEBHOOK_SECRET}
    return StripeSettings(**{**fields, **overrides})


@pytest.fixture
async def stripe(start_external):
    async with start_external(stripe=stripe_settings()) as client:
        yield client


@pytest.fixture
async def connected(account_id):
    """The account connected its Stripe account; its id not asked of Stripe yet."""
    return await create_connection(
        "stripe", account_id, access_token=ACCESS_TOKEN, refresh_token="rt_1", expires_in=None
    )
