"""Which URLs the proxy fetches: http(s) on the default port, no credentials, a host on the
allow-list (exactly, or under a `*.example.com` wildcard, as the outbound proxy matches them).
Where the host's addresses lead is checked again as the connection opens (`fetching`)."""

from collections.abc import Sequence

import httpx

from internal_api.cors_proxy.errors import HostNotAllowed, InvalidResourceUrl
from shared.utilities.addresses import host_allowed

DEFAULT_PORTS = {"http": 80, "https": 443}


def checked_url(raw: str | httpx.URL, allowed_hosts: Sequence[str]) -> httpx.URL:
    try:
        url = httpx.URL(raw)
    except httpx.InvalidURL:
        raise invalid("not a URL") from None
    if url.scheme not in DEFAULT_PORTS or not url.host:
        raise invalid("an absolute http or https URL")
    if url.userinfo:
        raise invalid("no user name or password")
    if url.port not in (None, DEFAULT_PORTS[url.scheme]):
        raise invalid("the scheme's default port")
    if not host_allowed(url.host, allowed_hosts):
        raise HostNotAllowed(f"The proxy does not fetch from {url.host}.")
    return url.copy_with(fragment=None)


def invalid(message: str) -> InvalidResourceUrl:
    return InvalidResourceUrl(details=[{"field": "url", "message": message}], location="query")
