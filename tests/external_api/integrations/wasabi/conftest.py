"""The external API with the platform's Wasabi bucket configured; a fake S3 (moto's server on
a real local port) where a test needs the presigned URLs to work end to end."""

from collections.abc import AsyncIterator, Iterator

import boto3
import httpx
import pytest
from moto.server import ThreadedMotoServer

from external_api.integrations.wasabi.settings import WasabiSettings
from tests.fixtures import free_port

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
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    s3 = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="eu-central-1",
        aws_access_key_id=ACCESS_KEY_ID,
        aws_secret_access_key=SECRET_ACCESS_KEY,
    )
    s3.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}
    )
    try:
        yield endpoint
    finally:
        # moto keeps its state in the process, past the server: emptied for the next test.
        httpx.post(f"{endpoint}/moto-api/reset")
        server.stop()
