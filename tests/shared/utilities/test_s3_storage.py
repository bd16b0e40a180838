"""Files in an S3-compatible bucket, over HTTP to a fake S3: written whole or not at all, read
back in chunks, deleted; and the bucket chosen only in distributed mode."""

from collections.abc import Iterator

import boto3
import pytest

from shared.utilities.s3_storage import S3Storage
from shared.utilities.settings import RunMode
from shared.utilities.storage import CHUNK_BYTES, LocalStorage
from shared.utilities.storage_settings import StorageSettings, storage_for
from tests.fake_s3 import fake_s3_bucket

BUCKET, REGION = "platform-files", "eu-central-1"
KEY_ID, SECRET = "FILESACCESSKEY0001", "files-secret-access-key"
DISTRIBUTED = {
    "mode": RunMode.DISTRIBUTED,
    "mongo_url": "mongodb://db.test",
    "redis_url": "redis://redis.test",
    "jwt_public_key": "pem",
    "service_token_public_key": "pem",
}


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """One fake S3 for the module (starting and stopping one costs half a second)."""
    with fake_s3_bucket(BUCKET, REGION, KEY_ID, SECRET) as url:
        yield url


@pytest.fixture
def endpoint(server) -> Iterator[str]:
    """The fake S3's URL, its bucket emptied after the test."""
    yield server
    s3 = client(server)
    for key in bucket_keys(server):
        s3.delete_object(Bucket=BUCKET, Key=key)


@pytest.fixture
def storage(endpoint) -> S3Storage:
    return S3Storage(
        BUCKET,
        endpoint_url=endpoint,
        region=REGION,
        access_key_id=KEY_ID,
        secret_access_key=SECRET,
    )


def client(endpoint: str):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=KEY_ID,
        aws_secret_access_key=SECRET,
    )


def bucket_keys(endpoint: str) -> list[str]:
    answer = client(endpoint).list_objects_v2(Bucket=BUCKET)
    return [item["Key"] for item in answer.get("Contents", [])]


async def read_all(storage: S3Storage, key: str) -> bytes:
    return b"".join([chunk async for chunk in storage.read(key)])


async def test_a_written_file_is_an_object_of_the_bucket_and_reads_back(storage, endpoint):
    content = b"\x89PNG" + bytes(range(256)) * (CHUNK_BYTES // 128)

    async with storage.writer("page-thumbnail-1.png") as writer:
        await writer.write(content[:CHUNK_BYTES])
        await writer.write(content[CHUNK_BYTES:])

    assert bucket_keys(endpoint) == ["page-thumbnail-1.png"]
    assert await read_all(storage, "page-thumbnail-1.png") == content


async def test_a_write_that_fails_leaves_no_object(storage, endpoint):
    with pytest.raises(RuntimeError):
        async with storage.writer("export-1.csv") as writer:
            await writer.write(b"name\n")
            raise RuntimeError("the export failed")

    assert bucket_keys(endpoint) == []


async def test_a_deleted_file_is_gone_from_the_bucket(storage, endpoint):
    async with storage.writer("export-1.csv") as writer:
        await writer.write(b"name\n")

    await storage.delete("export-1.csv")
    await storage.delete("export-1.csv")

    assert bucket_keys(endpoint) == []


async def test_reading_a_missing_file_raises_file_not_found(storage):
    with pytest.raises(FileNotFoundError):
        await read_all(storage, "missing.png")


async def test_a_key_a_service_would_not_make_is_refused(storage, endpoint):
    with pytest.raises(ValueError):
        async with storage.writer("../other-bucket/x") as writer:
            await writer.write(b"x")

    assert bucket_keys(endpoint) == []


def test_distributed_mode_with_a_bucket_stores_in_the_bucket(tmp_path):
    settings = StorageSettings(**DISTRIBUTED, files_dir=tmp_path, files_s3_bucket=BUCKET)

    assert isinstance(storage_for(settings), S3Storage)


def test_distributed_mode_without_a_bucket_keeps_the_folder(tmp_path):
    settings = StorageSettings(**DISTRIBUTED, files_dir=tmp_path)

    assert isinstance(storage_for(settings), LocalStorage)


def test_embedded_mode_keeps_the_local_folder_even_with_a_bucket(tmp_path):
    settings = StorageSettings(files_dir=tmp_path, files_s3_bucket=BUCKET)

    storage = storage_for(settings)

    assert isinstance(storage, LocalStorage)
    assert storage.directory == tmp_path
