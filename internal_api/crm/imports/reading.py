"""CSV records from a file read in chunks, one record at a time.

The csv module wants whole lines, and a quoted cell may hold line breaks, so physical lines
are joined until their quotes balance (a quote inside a quoted cell is doubled, which keeps
the count even) and each record is parsed on its own. A UTF-8 byte order mark, as
spreadsheets write, is dropped.
"""

import codecs
import csv
from collections.abc import AsyncIterable, AsyncIterator


async def text_lines(chunks: AsyncIterable[bytes]) -> AsyncIterator[str]:
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="replace")
    pending = ""
    async for chunk in chunks:
        pending += decoder.decode(chunk)
        lines = pending.splitlines(keepends=True)
        # The last piece may be a line cut by the chunk's end.
        pending = lines.pop() if lines and not lines[-1].endswith(("\n", "\r")) else ""
        for line in lines:
            yield line
    pending += decoder.decode(b"", final=True)
    if pending:
        yield pending


async def csv_records(chunks: AsyncIterable[bytes]) -> AsyncIterator[list[str]]:
    """Each record as its cells, the header first; blank lines are skipped."""
    record = ""
    async for line in text_lines(chunks):
        record += line
        if record.count('"') % 2:
            continue
        cells = next(csv.reader([record]), [])
        record = ""
        if any(cell.strip() for cell in cells):
            yield cells
    if record:  # an unclosed quote: what is there is the last record
        yield next(csv.reader([record]), [])
