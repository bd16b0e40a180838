"""The external API with the platform's Wasabi bucket configured; a fake S3 (moto's server on
a real local port) where a test needs the presigned URLs to work end to end."""

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from external_api.integrations.wasabi.settings import WasabiSettings
from tests.fake_s3 import fake_s3_bucket

BUCKET = "platform-files"
ACCESS_KEY_ID = "WASABIACCESSKEY0001"
SECRET_ACCESS_KEY = "wasabi-secret-access-key"


def wasabi_settings(**overrides) -> WasabiSettings:
    fields = {
        "region": "eu-central-1",
        "bucket": BUCKET,
        "access_key_id": ACCESS_KEY_ID,
        "secret_access_key": SECRET_ACCESS_KEY,
        "url_expiry_seconds": 600,
    }
    return WasabiSettings(**{**fields, **overrides})


@pytest.fixture
async def wasabi(start_external) -> AsyncIterator[httpx.AsyncClient]:
    async with start_external(wasabi=wasabi_settings()) as client:
        yield client


@pytest.fixture
def fake_s3() -> Iterator[str]:
    """An S3 endpoint on a local port holding the bucket; its URL."""
    with fake_s3_bucket(BUCKET, "eu-central-1", ACCESS_KEY_ID, SECRET_ACCESS_KEY) as endpoint:
        yield endpoint
