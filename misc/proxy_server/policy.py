"""Where the proxy may connect: hosts on the allow-list, at public addresses only (the address
checks, rebinding-safe, are `shared.utilities.addresses`)."""

from collections.abc import Sequence

from misc.proxy_server.settings import ProxyServerSettings
from shared.utilities.addresses import LOOPBACK_NETWORKS, IPNetwork


def host_allowed(host: str, allowed_hosts: Sequence[str]) -> bool:
    """`host` is named on the allow-list, exactly or under a `*.example.com` wildcard (which
    matches sub-domains at any depth, not example.com itself)."""
    host = host.lower().rstrip(".")
    for pattern in allowed_hosts:
        pattern = pattern.lower().rstrip(".")
        if pattern.startswith("*."):
            if host.endswith(pattern[1:]):
                return True
        elif host == pattern:
            return True
    return False


def allowed_networks(settings: ProxyServerSettings) -> Sequence[IPNetwork]:
    """The non-public networks the proxy may reach: loopback when the settings allow it."""
    return LOOPBACK_NETWORKS if settings.allow_loopback else ()
