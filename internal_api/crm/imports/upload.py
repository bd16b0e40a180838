"""Receiving an import's multipart body: the `file` part is streamed to storage chunk by chunk
as it arrives (hashed on the way, refused with 413 once over the limit), never held whole in
memory; the other parts (the mapping) are small form fields kept as text.

FastAPI's `UploadFile` would first spool the whole file to a temporary file with no limit,
so the body is parsed here with python-multipart's streaming parser instead.
"""

import hashlib
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fastapi import Request
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

if TYPE_CHECKING:  # declared by python-multipart for type checkers only
    from python_multipart.multipart import MultipartCallbacks

from internal_api.storage import FileStorage
from shared.utilities.errors import InvalidInput, PayloadTooLarge

FILE_PART = "file"
MAX_FIELD_BYTES = 64 * 1024


@dataclass
class Upload:
    file_key: str  # where the file now is in the storage
    filename: str
    size: int
    checksum: str  # SHA-256 of the file's bytes
    fields: dict[str, str]  # the other parts, by name


@dataclass
class Part:
    name: str = ""
    filename: str | None = None
    header_name: bytes = b""
    header_value: bytes = b""
    disposition: bytes = b""
    data: bytearray = field(default_factory=bytearray)


class MultipartReader:
    """python-multipart's callbacks: file bytes are queued for the async writer, since the
    parser's callbacks cannot await; form fields are gathered, bounded."""

    def __init__(self) -> None:
        self.part = Part()
        self.file_chunks: list[bytes] = []
        self.filename: str | None = None
        self.fields: dict[str, str] = {}

    def callbacks(self) -> "MultipartCallbacks":
        return {
            "on_part_begin": self.begin_part,
            "on_header_field": self.header_name,
            "on_header_value": self.header_value,
            "on_header_end": self.end_header,
            "on_part_data": self.part_data,
            "on_part_end": self.end_part,
        }

    def begin_part(self) -> None:
        self.part = Part()

    def header_name(self, data: bytes, start: int, end: int) -> None:
        self.part.header_name += data[start:end]

    def header_value(self, data: bytes, start: int, end: int) -> None:
        self.part.header_value += data[start:end]

    def end_header(self) -> None:
        if self.part.header_name.lower() == b"content-disposition":
            _, options = parse_options_header(self.part.header_value)
            self.part.name = options.get(b"name", b"").decode("utf-8", "replace")
            filename = options.get(b"filename")
            self.part.filename = filename.decode("utf-8", "replace") if filename else None
        self.part.header_name, self.part.header_value = b"", b""

    def part_data(self, data: bytes, start: int, end: int) -> None:
        if self.part.name == FILE_PART:
            self.file_chunks.append(data[start:end])
            return
        self.part.data += data[start:end]
        if len(self.part.data) > MAX_FIELD_BYTES:
            raise PayloadTooLarge(f"The form field {self.part.name} is too large.")

    def end_part(self) -> None:
        if self.part.name == FILE_PART:
            self.filename = self.part.filename or "import.csv"
        else:
            self.fields[self.part.name] = self.part.data.decode("utf-8", "replace")


async def receive_upload(request: Request, storage: FileStorage, max_bytes: int) -> Upload:
    """The body's `file` part stored under a new key, and its other parts; 413 past
    `max_bytes`, 422 when the body is not multipart or holds no file."""
    content_type, options = parse_options_header(request.headers.get("content-type", ""))
    boundary = options.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        raise InvalidInput(
            "Send the file as multipart/form-data.",
            details=[{"field": FILE_PART, "message": "expected a multipart/form-data body"}],
        )
    if int(request.headers.get("content-length") or 0) > max_bytes + MAX_FIELD_BYTES:
        raise too_large(max_bytes)  # refused before a byte is read

    reader = MultipartReader()
    parser = MultipartParser(boundary, reader.callbacks())
    key = f"{uuid.uuid4().hex}.csv"
    digest = hashlib.sha256()
    size = 0
    async with storage.writer(key) as writer:
        try:
            async for chunk in request.stream():
                parser.write(chunk)
                for data in reader.file_chunks:
                    size += len(data)
                    if size > max_bytes:
                        raise too_large(max_bytes)
                    digest.update(data)
                    await writer.write(data)
                reader.file_chunks.clear()
            parser.finalize()
        except MultipartParseError:
            raise InvalidInput(
                "The multipart body is malformed.",
                details=[{"field": FILE_PART, "message": "malformed multipart body"}],
            ) from None
    if reader.filename is None:
        await storage.delete(key)
        raise InvalidInput(
            "The CSV file is missing.",
            details=[{"field": FILE_PART, "message": "a part named file is required"}],
        )
    return Upload(key, reader.filename, size, digest.hexdigest(), reader.fields)


def too_large(max_bytes: int) -> PayloadTooLarge:
    return PayloadTooLarge(
        f"The file is larger than {max_bytes} bytes.",
        details=[{"field": FILE_PART, "message": f"at most {max_bytes} bytes"}],
    )
