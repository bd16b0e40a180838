"""Where the proxy may connect: hosts on the allow-list (`shared.utilities.addresses.host_allowed`),
at public addresses only (the address checks, rebinding-safe, are `shared.utilities.addresses`)."""

from collections.abc import Sequence

from misc.proxy_server.settings import ProxyServerSettings
from shared.utilities.addresses import LOOPBACK_NETWORKS, IPNetwork


def allowed_networks(settings: ProxyServerSettings) -> Sequence[IPNetwork]:
    """The non-public networks the proxy may reach: loopback when the settings allow it."""
    return LOOPBACK_NETWORKS if settings.allow_loopback else ()
