"""Where uploaded and produced files live: a small interface, and a local directory behind it.

The internal API stores an import's upload and serves an export's file; the queue manager's
tasks read the one and write the other, so both processes see the same files: the directory
`FILES_DIR` (in compose, the `files` volume both containers mount; in embedded mode, one
process), or in distributed mode an S3-compatible bucket behind the same interface
(`shared.utilities.s3_storage`, chosen by `shared.utilities.storage_settings`). Nothing else
knows where files are. Files are written and read in chunks, never held whole in memory.
"""

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import BinaryIO, Protocol

CHUNK_BYTES = 64 * 1024
# Keys are made by the services (a random hex and a suffix), never taken from a client.
KEY = re.compile(r"^[A-Za-z0-9_-]+(\.[A-Za-z0-9]+)?$")


class FileWriter(Protocol):
    async def write(self, chunk: bytes) -> None: ...


class FileStorage(Protocol):
    def writer(self, key: str) -> AbstractAsyncContextManager[FileWriter]:
        """The file under `key`, visible only once the block ends without an error."""
        ...

    def read(self, key: str) -> AsyncIterator[bytes]: ...

    async def delete(self, key: str) -> None:
        """Deleting a file that is not there is not an error."""
        ...


class LocalFileWriter:
    def __init__(self, file: BinaryIO) -> None:
        self.file = file

    async def write(self, chunk: bytes) -> None:
        await asyncio.to_thread(self.file.write, chunk)


class LocalStorage:
    """Files in one directory; disk calls run in threads so the event loop never waits."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)

    def path(self, key: str) -> Path:
        if not KEY.match(key):
            raise ValueError(f"not a storage key: {key!r}")
        return self.directory / key

    @asynccontextmanager
    async def writer(self, key: str) -> AsyncIterator[FileWriter]:
        final = self.path(key)
        # Written aside and renamed, so a reader never sees half a file.
        partial = final.with_name(final.name + ".part")
        file = await asyncio.to_thread(partial.open, "wb")
        try:
            yield LocalFileWriter(file)
        except BaseException:
            await asyncio.to_thread(file.close)
            await asyncio.to_thread(partial.unlink, True)
            raise
        await asyncio.to_thread(file.close)
        await asyncio.to_thread(partial.replace, final)

    async def read(self, key: str) -> AsyncIterator[bytes]:
        file = await asyncio.to_thread(self.path(key).open, "rb")
        try:
            while chunk := await asyncio.to_thread(file.read, CHUNK_BYTES):
                yield chunk
        finally:
            await asyncio.to_thread(file.close)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self.path(key).unlink, True)
