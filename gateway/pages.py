"""Custom domains' pages: a request outside /v1/ whose Host is not one of the platform's own
is for a page the platform hosts on that domain. It is passed to the router as
`/v1/public/pages/hosts/<host>/<path>` (a public route: no session), where the internal API
finds the verified domain and serves its funnel's page, or 404.

The platform's hosts are GATEWAY_PLATFORM_HOSTS and any IP address (probes and direct
access); a custom domain is never an IP address. `/health` and `/ready` stay the gateway's own.
"""

import ipaddress
import re

from starlette.types import ASGIApp, Receive, Scope, Send

from shared.utilities import proxy

PAGES_BY_HOST = "/v1/public/pages/hosts/"
OWN_PATHS = frozenset({"/health", "/ready"})
HOSTNAME = re.compile(r"^[a-z0-9]([a-z0-9-]{0,62}\.)+[a-z0-9-]{1,63}$")


def host_of(scope: Scope) -> str:
    """The Host header's name, lower case, without its port."""
    for name, value in scope["headers"]:
        if name == b"host":
            host = value.decode("latin-1").strip().lower()
            return "" if host.startswith("[") else host.rsplit(":", 1)[0].rstrip(".")
    return ""


def is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class CustomDomainPages:
    """Ahead of the dashboard's static files: a custom domain's request goes to the router."""

    def __init__(self, app: ASGIApp, platform_hosts: list[str], forward) -> None:
        self.app = app
        self.platform_hosts = {host.lower() for host in platform_hosts}
        self.forward = forward  # (scope, receive, send) -> the router

    def page_host(self, scope: Scope) -> str | None:
        if scope["type"] != "http" or scope["path"] in OWN_PATHS:
            return None
        host = host_of(scope)
        if not host or host in self.platform_hosts or is_ip_address(host):
            return None
        return host

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        host = self.page_host(scope)
        if host is None:
            await self.app(scope, receive, send)
            return
        if not HOSTNAME.match(host):
            await proxy.send_error(send, 404, "page_not_found", "No page is served on this host.")
            return
        prefix = PAGES_BY_HOST + host
        # The path as the client sent it (still percent-encoded), under the pages' route.
        raw_path = scope.get("raw_path") or scope["path"].encode()
        rewritten = {
            **scope,
            "path": prefix + scope["path"].rstrip("/"),
            "raw_path": prefix.encode() + raw_path.rstrip(b"/"),
        }
        await self.forward(rewritten, receive, send)
