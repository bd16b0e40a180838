"""The file storage in an S3-compatible bucket (Wasabi, S3, MinIO), for distributed mode: every
replica of the internal API and every worker sees the same files without a shared volume.

boto3's client is blocking, so each call runs in a thread. A file being written is spooled
(to disk past a few chunks) and uploaded when its block ends without an error, so a reader
never sees half of it and a failed write leaves nothing; `upload_fileobj` sends a large one in
parts. A read streams the object's body in chunks.
"""

import asyncio
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import IO, Any

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from shared.utilities.storage import CHUNK_BYTES, KEY, FileWriter

# A file smaller than this stays in memory while it is written; a larger one goes to disk.
SPOOL_BYTES = 16 * CHUNK_BYTES


class SpooledWriter:
    def __init__(self, file: IO[bytes]) -> None:
        self.file = file

    async def write(self, chunk: bytes) -> None:
        await asyncio.to_thread(self.file.write, chunk)


class S3Storage:
    def __init__(
        self,
        bucket: str,
        *,
        endpoint_url: str | None,
        region: str,
        access_key_id: str | None,
        secret_access_key: str | None,
    ) -> None:
        self.bucket = bucket
        # Keys left out use boto3's own chain (an instance role, AWS_* variables).
        self.client: Any = boto3.client(
            "s3",
            endpoint_url=endpoint_url,
            region_name=region,
            aws_access_key_id=access_key_id,
            aws_secret_access_key=secret_access_key,
            # Path-style keeps the bucket out of the host name, which every S3 clone accepts.
            config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        )

    @staticmethod
    def checked(key: str) -> str:
        if not KEY.match(key):
            raise ValueError(f"not a storage key: {key!r}")
        return key

    @asynccontextmanager
    async def writer(self, key: str) -> AsyncIterator[FileWriter]:
        key = self.checked(key)
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as file:
            yield SpooledWriter(file)
            await asyncio.to_thread(file.seek, 0)
            await asyncio.to_thread(self.client.upload_fileobj, file, self.bucket, key)

    async def read(self, key: str) -> AsyncIterator[bytes]:
        key = self.checked(key)
        try:
            answer = await asyncio.to_thread(self.client.get_object, Bucket=self.bucket, Key=key)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                raise FileNotFoundError(key) from None
            raise
        body = answer["Body"]
        try:
            while chunk := await asyncio.to_thread(body.read, CHUNK_BYTES):
                yield chunk
        finally:
            body.close()

    async def delete(self, key: str) -> None:
        # S3 answers a deletion of a missing key with success.
        await asyncio.to_thread(
            self.client.delete_object, Bucket=self.bucket, Key=self.checked(key)
        )
