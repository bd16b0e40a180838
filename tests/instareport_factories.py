"""InstaReports and what they read: a prospect's website served locally, the outbound proxy
in front of it, the agency's store products."""

import asyncio
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route

from misc.proxy_server.proxy import Proxy
from misc.proxy_server.settings import ProxyServerSettings
from shared.domain.instareports.settings import InstaReportSettings
from shared.models.account import Account
from shared.models.instareport import Business, InstaReport
from shared.models.store_product import StoreProduct

GOOD_PAGE = """<!doctype html><html><head>
<title>Dee's Doughnuts, Denver</title>
<meta name="description"
  content="Fresh doughnuts baked every morning in Denver, delivered to your office or door.">
<meta name="viewport" content="width=device-width, initial-scale=1">
</head><body><h1>Dee's Doughnuts</h1><img src="/a.png" alt="A doughnut">
<a href="https://www.facebook.com/deesdoughnuts">Facebook</a>
<a href="https://instagram.com/deesdoughnuts">Instagram</a>
</body></html>"""
BARE_PAGE = "<html><head><title>Home</title></head><body><img src='/a.png'></body></html>"


def website_app() -> Starlette:
    async def home(_) -> HTMLResponse:
        return HTMLResponse(GOOD_PAGE)

    async def bare(_) -> HTMLResponse:
        return HTMLResponse(BARE_PAGE)

    return Starlette(routes=[Route("/", home), Route("/bare/", bare)])


@asynccontextmanager
async def outbound_proxy(allowed_hosts: list[str]):
    """misc/proxy_server's proxy on a real port, letting loopback through for the test."""
    settings = ProxyServerSettings(allowed_hosts=allowed_hosts, allow_loopback=True)
    server = await asyncio.start_server(Proxy(settings, ("127.0.0.1", 9)), "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    finally:
        server.close()


def settings_with(proxy_url: str) -> InstaReportSettings:
    return InstaReportSettings(outbound_proxy_url=proxy_url, instareport_fetch_seconds=5)


async def create_instareport(account: Account, website: str | None, **overrides) -> InstaReport:
    business = Business(name="Dee's Doughnuts", website=website, phone="+13035550123")
    fields = {"account_id": account.id, "business": business, "share_nonce": "nonce-1"}
    return await InstaReport(**{**fields, **overrides}).insert()


async def create_product(agency: Account, name: str, tags: list[str]) -> StoreProduct:
    fields = {"account_id": agency.id, "name": name, "price": 49_900, "currency": "USD"}
    return await StoreProduct(**fields, tags=tags).insert()
