"""CSV records from a file read in chunks, one record at a time, in time linear in the file.

A quoted cell may hold line breaks, so physical lines are gathered until their quotes balance;
the balance is kept line by line (a quote inside a quoted cell is doubled, which keeps it), so
each character is looked at a bounded number of times, and a record is parsed once it is whole.
A record longer than `max_record_chars`, or a file of more than `max_rows` rows, is refused
naming its line, so one file cannot hold a worker for hours or fill its memory.

Text is UTF-8, with or without the byte order mark spreadsheets write. A file that is not is
decoded in the encoding charset-normalizer finds (ties go to Windows-1252, what spreadsheets
write in Western locales), or refused naming the first line that is not text: never read with
replacement characters.
"""

import codecs
import csv
import re
from collections.abc import AsyncGenerator, AsyncIterable
from dataclasses import dataclass

from charset_normalizer import from_bytes

from shared.utilities.errors import InvalidInput

UTF8 = "utf-8-sig"
WESTERN = "cp1252"
SAMPLE_BYTES = 64 * 1024  # what charset-normalizer is shown: the start and where UTF-8 failed
LINE_BREAK = re.compile(r"\r\n?|\n")


class UnreadableCsv(InvalidInput):
    """The file is not CSV text the import can read; the message names the line."""

    code = "unreadable_csv"


@dataclass(frozen=True)
class CsvLimits:
    max_record_chars: int
    max_rows: int


def refused(line: int, message: str) -> UnreadableCsv:
    return UnreadableCsv(
        f"Line {line}: {message}", details=[{"field": "file", "line": line, "message": message}]
    )


async def file_encoding(chunks: AsyncIterable[bytes]) -> str:
    """The file's encoding: UTF-8 when all of it is, else the one detected in it; refused
    naming the first line that is not UTF-8 when none is found."""
    decoder = codecs.getincrementaldecoder(UTF8)()
    start, lines_before = b"", 0
    async for chunk in chunks:
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as error:
            line = lines_before + chunk[: max(error.start, 0)].count(b"\n") + 1
            return detected_encoding(start + chunk[:SAMPLE_BYTES], line)
        if len(start) < SAMPLE_BYTES:
            start += chunk[: SAMPLE_BYTES - len(start)]
        lines_before += chunk.count(b"\n")
    return UTF8


def detected_encoding(sample: bytes, line: int) -> str:
    matches = from_bytes(sample)
    best = matches.best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        raise refused(line, "the file is not UTF-8 text; save it as CSV UTF-8 and send it again")
    tied = [match for match in matches if match.chaos == best.chaos]
    if any(WESTERN in match.could_be_from_charset for match in tied):
        return WESTERN
    return best.encoding


async def text_lines(
    chunks: AsyncIterable[bytes], encoding: str, max_line_chars: int
) -> AsyncGenerator[str]:
    """Each line with its line break; refused at a line that does not decode, or that is
    longer than `max_line_chars`."""
    decoder = codecs.getincrementaldecoder(encoding)()
    pending, number = "", 1
    async for chunk in chunks:
        try:
            pending += decoder.decode(chunk)
        except UnicodeDecodeError:
            raise refused(number, f"the text is not {encoding}") from None
        start = 0
        for match in LINE_BREAK.finditer(pending):
            if match.end() == len(pending) and match.group() == "\r":
                break  # maybe the first half of a \r\n cut by the chunk's end
            number += 1
            yield pending[start : match.end()]
            start = match.end()
        pending = pending[start:]
        if len(pending) > max_line_chars:
            raise refused(number, f"the line is longer than {max_line_chars} characters")
    try:
        pending += decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise refused(number, f"the text is not {encoding}") from None
    if pending:
        yield pending


async def csv_records(
    chunks: AsyncIterable[bytes], encoding: str, limits: CsvLimits
) -> AsyncGenerator[list[str]]:
    """Each record as its cells, the header first; blank lines are skipped. A quoted cell
    left open at the end of the file is refused naming the line it opened on."""
    lines: list[str] = []
    size, quoted, line, first_line, rows = 0, False, 0, 1, 0
    async for text in text_lines(chunks, encoding, limits.max_record_chars):
        line += 1
        lines.append(text)
        size += len(text)
        quoted ^= text.count('"') % 2 == 1
        if size > limits.max_record_chars:
            too_long = f"the record is longer than {limits.max_record_chars} characters"
            raise refused(first_line, too_long)
        if quoted:
            continue
        cells = parsed("".join(lines), first_line)
        if any(cell.strip() for cell in cells):
            if rows > limits.max_rows:  # the header is not a row
                raise refused(first_line, f"the file has more than {limits.max_rows} rows")
            rows += 1
            yield cells
        lines, size, first_line = [], 0, line + 1
    if quoted:
        raise refused(first_line, "a quoted cell that starts here is never closed")


def parsed(record: str, line: int) -> list[str]:
    try:
        return next(csv.reader([record]), [])
    except csv.Error as error:
        raise refused(line, str(error)) from None
