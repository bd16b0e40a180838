"""A fake S3 for tests of the storage in a bucket: moto's server on a real local port, so the
code under test talks S3 over HTTP exactly as it would to Wasabi."""

from collections.abc import Iterator
from contextlib import contextmanager

import boto3
import httpx
from moto.server import ThreadedMotoServer

from tests.fixtures import free_port


@contextmanager
def fake_s3_bucket(bucket: str, region: str, key_id: str, secret: str) -> Iterator[str]:
    """An S3 endpoint holding the empty bucket; its URL."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    s3 = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=region,
        aws_access_key_id=key_id,
        aws_secret_access_key=secret,
    )
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": region})
    try:
        yield endpoint
    finally:
        # moto keeps its state in the process, past the server: emptied for the next test.
        httpx.post(f"{endpoint}/moto-api/reset")
        server.stop()
