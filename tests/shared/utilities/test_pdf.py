import asyncio
from collections.abc import AsyncIterator
from io import BytesIO

import pytest
from pypdf import PdfReader

from shared.utilities.pdf import PdfEngineMissing, html_to_pdf


@pytest.fixture
async def listener() -> AsyncIterator[tuple[int, list[bytes]]]:
    """A local HTTP server that records every request reaching it."""
    seen: list[bytes] = []

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        seen.append(await reader.readline())
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    async with server:
        yield server.sockets[0].getsockname()[1], seen


async def test_a_page_is_printed_to_pdf_with_its_text():
    pdf = await html_to_pdf("<h1>Statement of work</h1><p>Signed by Ada</p>")

    text = PdfReader(BytesIO(pdf)).pages[0].extract_text()
    assert "Statement of work" in text and "Signed by Ada" in text


async def test_the_printed_html_reaches_nothing_on_the_network(listener):
    port, seen = listener
    html = (
        f'<img src="http://127.0.0.1:{port}/image.png">'
        f'<link rel="stylesheet" href="http://127.0.0.1:{port}/style.css">'
        f'<iframe src="http://127.0.0.1:{port}/frame"></iframe>'
        f"<script>fetch('http://127.0.0.1:{port}/script')</script><p>Offline</p>"
    )

    pdf = await html_to_pdf(html)

    assert "Offline" in PdfReader(BytesIO(pdf)).pages[0].extract_text()
    assert seen == []


async def test_no_chromium_at_the_path_is_named(tmp_path):
    with pytest.raises(PdfEngineMissing, match="no Chromium at"):
        await html_to_pdf("<p>x</p>", chromium_path=str(tmp_path / "chromium"))
