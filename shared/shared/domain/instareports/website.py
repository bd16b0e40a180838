"""A prospect's home page as the audit reads it: fetched through the outbound proxy
(misc/proxy_server: its allow-list, public addresses only, size and time bounds), over HTTPS
first and plain HTTP when HTTPS does not answer; the page read with the standard library's
HTML parser for what the rubric checks."""

import json
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import httpx

MAX_BYTES = 5 * 1024 * 1024  # a page past this is cut: the weight check has failed anyway
SOCIAL_HOSTS = {
    "facebook.com": "Facebook",
    "instagram.com": "Instagram",
    "linkedin.com": "LinkedIn",
    "twitter.com": "X (Twitter)",
    "x.com": "X (Twitter)",
    "youtube.com": "YouTube",
    "tiktok.com": "TikTok",
}


@dataclass
class Page:
    """What the audit found at the website; `reached` False when neither scheme answered."""

    url: str
    reached: bool
    https: bool = False
    status: int = 0
    seconds: float = 0.0
    bytes: int = 0
    title: str = ""
    description: str = ""
    viewport: bool = False
    h1_count: int = 0
    images: int = 0
    images_without_alt: int = 0
    social: dict[str, str] = field(default_factory=dict)  # network -> the first link to it
    problem: str = ""


class PageReader(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "title":
            self.in_title = True
        elif tag == "meta":
            name = values.get("name", "").lower()
            if name == "description":
                self.page.description = values.get("content", "").strip()
            elif name == "viewport" and "width=device-width" in values.get("content", ""):
                self.page.viewport = True
        elif tag == "h1":
            self.page.h1_count += 1
        elif tag == "img":
            self.page.images += 1
            self.page.images_without_alt += 0 if values.get("alt", "").strip() else 1
        elif tag == "a":
            self.note_social(values.get("href", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.page.title += data.strip()

    def note_social(self, href: str) -> None:
        host = (urlsplit(href).hostname or "").lower().removeprefix("www.").removeprefix("m.")
        network = SOCIAL_HOSTS.get(host)
        if network and network not in self.page.social:
            self.page.social[network] = href[:300]


def candidates(website: str) -> list[str]:
    """The home page over HTTPS, then over HTTP, whatever scheme was given."""
    given = urlsplit(website if "://" in website else f"https://{website}")
    place = given.netloc
    return [f"https://{place}/", f"http://{place}/"]


async def read_body(response: httpx.Response) -> bytes:
    body = b""
    async for chunk in response.aiter_bytes():
        body += chunk
        if len(body) > MAX_BYTES:
            break
    return body


class ProxyRefused(Exception):
    """The outbound proxy answered instead of the website: not on its allow-list, inside the
    network, unreachable or too slow."""


def proxy_refusal(response: httpx.Response, body: bytes) -> str | None:
    """The proxy's own error answer, in the platform's uniform error shape (a plain http://
    exchange; a refused CONNECT raises in httpx instead)."""
    if response.status_code < 400 or "json" not in response.headers.get("content-type", ""):
        return None
    try:
        answer = json.loads(body)
    except ValueError:
        return None
    error = answer.get("error") if isinstance(answer, dict) else None
    if isinstance(error, dict) and "request_id" in answer:
        return str(error.get("message") or error.get("code"))
    return None


async def fetch(client: httpx.AsyncClient, url: str) -> Page:
    started = time.perf_counter()
    async with client.stream("GET", url, headers={"accept": "text/html"}) as response:
        body = await read_body(response)
    refusal = proxy_refusal(response, body)
    if refusal:
        raise ProxyRefused(refusal)
    page = Page(url=url, reached=True, https=url.startswith("https://"))
    page.status, page.bytes = response.status_code, len(body)
    page.seconds = round(time.perf_counter() - started, 3)
    PageReader(page).feed(body.decode(response.encoding or "utf-8", errors="replace"))
    return page


async def home_page(website: str, proxy_url: str, timeout_seconds: float) -> Page:
    """The first scheme that answers; redirects followed (through the proxy too)."""
    problems = []
    async with httpx.AsyncClient(
        proxy=proxy_url, timeout=timeout_seconds, follow_redirects=True, trust_env=False
    ) as client:
        for url in candidates(website):
            try:
                return await fetch(client, url)
            except ProxyRefused as refusal:
                problems.append(f"{url}: {refusal}")
            except httpx.HTTPError as error:
                problems.append(f"{url}: {type(error).__name__}")
    return Page(url=candidates(website)[0], reached=False, problem="; ".join(problems))
