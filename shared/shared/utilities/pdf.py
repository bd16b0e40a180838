"""HTML to PDF with headless Chromium: the one engine every PDF the platform makes is printed
with (signed documents' certificates, reports, site exports).

    pdf = await html_to_pdf("<h1>Hello</h1>", chromium_path=settings.chromium_path)

Driven by the `playwright` package, launching the system's Chromium (Debian's
`/usr/bin/chromium`, CHROMIUM_PATH): Playwright's own browser downloads are never used. The page
is printed offline: JavaScript is off and every request the HTML would make (an image, a font,
a stylesheet on the network) is refused, so a rendered document shows only what it carries
(inline styles, `data:` images) and cannot reach anything from inside the platform's network.
Each call starts its own browser, so a crashed print never spoils the next.
"""

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.async_api import Route

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Every connection goes to a proxy that is not there, loopback included: the request
    # interception below refuses requests, but Chromium opens a frame's connection before
    # asking it (seen with an iframe), which would reach an internal address.
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
)
RENDER_TIMEOUT_MS = 60_000


class PdfEngineMissing(RuntimeError):
    """No Chromium at the configured path (install Debian's `chromium`)."""


async def refuse(route: "Route") -> None:
    await route.abort("blockedbyclient")


async def html_to_pdf(html: str, *, chromium_path: str = DEFAULT_CHROMIUM) -> bytes:
    """The HTML printed on A4 pages, backgrounds included (CSS `break-before: page` starts a
    new page)."""
    if not await asyncio.to_thread(Path(chromium_path).exists):
        raise PdfEngineMissing(f"no Chromium at {chromium_path}")
    # Imported here: Playwright takes a quarter of a second to import, which every process
    # reading the edocs settings would pay at start-up; only the one printing needs it.
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium_path, args=list(CHROMIUM_FLAGS), headless=True
        )
        try:
            context = await browser.new_context(java_script_enabled=False, offline=True)
            page = await context.new_page()
            page.set_default_timeout(RENDER_TIMEOUT_MS)
            await page.route("**/*", refuse)
            await page.set_content(html, wait_until="load")
            return await page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
        finally:
            await browser.close()
