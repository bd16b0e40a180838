"""The external API with the platform's Square application configured."""

import pytest

from external_api.integrations.square.settings import SquareSettings
from tests.external_api.factories import create_connection
from tests.external_api.fakes.square import (
    ACCESS_TOKEN,
    CLIENT_ID,
    CLIENT_SECRET,
    MERCHANT,
    SIGNATURE_KEY,
)


def square_settings(**overrides) -> SquareSettings:
    fields = {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "webhook_signature_key": SIGNATURE_KEY,
    }
    return SquareSettings(**{**fields, **overrides})


@pytest.fixture
async def square(start_external):
    async with start_external(square=square_settings()) as client:
        yield client


@pytest.fixture
async def connected(account_id):
    """The account connected its Square seller; the token valid for a while yet."""
    return await create_connection(
        "square",
        account_id,
        access_token=ACCESS_TOKEN,
        refresh_token="EQ-refresh",
        external_id=MERCHANT,
    )
