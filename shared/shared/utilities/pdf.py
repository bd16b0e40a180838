"""HTML to PDF (or to a PNG screenshot) with headless Chromium: the one engine every PDF the
platform makes is printed with (signed documents' certificates, reports, site exports), and
every page thumbnail is shot with.

    pdf = await html_to_pdf("<h1>Hello</h1>", chromium_path=settings.chromium_path)
    png = await html_to_png("<h1>Hello</h1>", 1280, 800, chromium_path=settings.chromium_path)

Driven by the `playwright` package, launching the system's Chromium (Debian's
`/usr/bin/chromium`, CHROMIUM_PATH): Playwright's own browser downloads are never used. The page
is printed offline: JavaScript is off and every request the HTML would make (an image, a font,
a stylesheet on the network) is refused, so a rendered document shows only what it carries
(inline styles, `data:` images) and cannot reach anything from inside the platform's network.
Each call starts its own browser, so a crashed print never spoils the next.
"""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.async_api import Page, Route, ViewportSize

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


@asynccontextmanager
async def offline_page(
    chromium_path: str, viewport: "ViewportSize | None" = None
) -> AsyncIterator["Page"]:
    """A page of a fresh browser, JavaScript off and every request refused."""
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
            context = await browser.new_context(
                java_script_enabled=False, offline=True, viewport=viewport
            )
            page = await context.new_page()
            page.set_default_timeout(RENDER_TIMEOUT_MS)
            await page.route("**/*", refuse)
            yield page
        finally:
            await browser.close()


async def html_to_pdf(html: str, *, chromium_path: str = DEFAULT_CHROMIUM) -> bytes:
    """The HTML printed on A4 pages, backgrounds included (CSS `break-before: page` starts a
    new page)."""
    async with offline_page(chromium_path) as page:
        await page.set_content(html, wait_until="load")
        return await page.pdf(format="A4", print_background=True, prefer_css_page_size=True)


async def html_to_png(
    html: str, width: int, height: int, *, chromium_path: str = DEFAULT_CHROMIUM
) -> bytes:
    """The top of the page as a `width` x `height` PNG, as a browser window that size shows it."""
    async with offline_page(chromium_path, {"width": width, "height": height}) as page:
        await page.set_content(html, wait_until="load")
        return await page.screenshot(type="png", full_page=False)
