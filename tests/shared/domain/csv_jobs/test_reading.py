"""CSV records read from a file's chunks: linear in the file, bounded, decoded or refused."""

import pytest

from shared.domain.csv_jobs.reading import (
    UTF8,
    CsvLimits,
    UnreadableCsv,
    csv_records,
    file_encoding,
)

LIMITS = CsvLimits(max_record_chars=1024 * 1024, max_rows=100_000)


async def chunks_of(data: bytes, size: int = 64 * 1024):
    for start in range(0, len(data), size):
        yield data[start : start + size]


async def records(data: bytes, limits: CsvLimits = LIMITS, encoding: str = UTF8) -> list:
    return [cells async for cells in csv_records(chunks_of(data), encoding, limits)]


async def refusal(data: bytes, limits: CsvLimits = LIMITS) -> UnreadableCsv:
    with pytest.raises(UnreadableCsv) as raised:
        await records(data, limits)
    return raised.value


async def test_quoted_cells_keep_their_commas_quotes_and_line_breaks():
    data = b'First,Notes\n"Ada, Countess","said ""hi""\r\nthen left"\nAlan,x\n'

    assert await records(data) == [
        ["First", "Notes"],
        ["Ada, Countess", 'said "hi"\r\nthen left'],
        ["Alan", "x"],
    ]


async def test_a_record_cut_across_chunks_is_read_whole():
    data = b'First,Notes\n"Ada","a long\nnote"\r\nAlan,x\r\n'

    assert [cells async for cells in csv_records(chunks_of(data, 1), UTF8, LIMITS)] == [
        ["First", "Notes"],
        ["Ada", "a long\nnote"],
        ["Alan", "x"],
    ]


async def test_blank_lines_are_skipped_and_a_byte_order_mark_dropped():
    data = "\ufeffFirst\n\nAda\n,\n".encode()

    assert await records(data) == [["First"], ["Ada"]]


@pytest.mark.timeout(10)  # the reading that re-counted the record's quotes took hours on it
async def test_one_open_quote_before_300000_line_breaks_is_refused_naming_its_line():
    data = b'First,Notes\nAda,"' + b"\n" * 300_000

    error = await refusal(data)

    assert error.code == "unreadable_csv"
    assert error.message.startswith("Line 2:")


async def test_a_record_over_the_limit_is_refused_naming_its_first_line():
    data = b'First,Notes\nAda,x\nAlan,"' + b"y" * 50 + b"\n" * 50 + b'"\n'

    error = await refusal(data, CsvLimits(max_record_chars=80, max_rows=10))

    assert error.message.startswith("Line 3: the record is longer than 80 characters")
    assert error.details[0]["line"] == 3


async def test_a_line_over_the_limit_is_refused_before_it_is_read_whole():
    data = b"First\n" + b"x" * 10_000_000

    error = await refusal(data, CsvLimits(max_record_chars=1000, max_rows=10))

    assert error.message.startswith("Line 2: the line is longer than 1000 characters")


async def test_a_file_over_the_row_limit_is_refused_naming_the_first_row_past_it():
    data = b"First\nAda\nAlan\nGrace\n"

    error = await refusal(data, CsvLimits(max_record_chars=1000, max_rows=2))

    assert error.message == "Line 4: the file has more than 2 rows"


async def test_a_file_of_utf8_text_is_read_as_utf8():
    assert await file_encoding(chunks_of("First\nJosé\n".encode())) == UTF8


async def test_a_latin1_file_is_detected_and_its_accents_kept():
    data = "First,Last\nJosé,Núñez\nFrançois,Müller\n".encode("latin-1")

    encoding = await file_encoding(chunks_of(data))

    assert await records(data, encoding=encoding) == [
        ["First", "Last"],
        ["José", "Núñez"],
        ["François", "Müller"],
    ]


async def test_bytes_that_are_no_text_are_refused_naming_their_line():
    data = b"First\nAda\n" + b"\xff\xfe\x00\x00\x81\x00\x9d\n"

    with pytest.raises(UnreadableCsv) as raised:
        encoding = await file_encoding(chunks_of(data))
        await records(data, encoding=encoding)

    assert raised.value.message.startswith("Line 3:")
