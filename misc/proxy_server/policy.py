"""Where the proxy may connect: hosts on the allow-list, at public addresses only.

A name is resolved once and every address it gives is checked; the proxy then connects to one of
those addresses and never looks the name up again, so a DNS answer that changes between check
and connect (rebinding) cannot lead it inside the network.
"""

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Sequence

from shared.utilities.errors import Forbidden, UpstreamError

# A host name and port in, the addresses to try out (IPv4 or IPv6, as text).
Resolver = Callable[[str, int], Awaitable[list[str]]]

BLOCKED_NETWORKS = tuple(
    ipaddress.ip_network(network)
    for network in (
        "0.0.0.0/8",  # "this network": 0.0.0.0 reaches the local host
        "10.0.0.0/8",  # private (RFC 1918)
        "172.16.0.0/12",  # private (RFC 1918)
        "192.168.0.0/16",  # private (RFC 1918)
        "100.64.0.0/10",  # carrier-grade NAT, the provider's network
        "127.0.0.0/8",  # loopback
        "169.254.0.0/16",  # link-local, cloud metadata at 169.254.169.254
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, broadcast
        "::/128",  # unspecified: the local host
        "::1/128",  # loopback
        "fc00::/7",  # unique local, IPv6's private networks
        "fe80::/10",  # link-local
        "ff00::/8",  # multicast
    )
)


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


def address_allowed(address: str, allow_loopback: bool = False) -> bool:
    """The address is outside every private, loopback, link-local and reserved network
    (loopback is let through when `allow_loopback` says so)."""
    ip = ipaddress.ip_address(address)
    # ::ffff:10.0.0.1 is 10.0.0.1 on the wire.
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if allow_loopback and ip.is_loopback:
        return True
    return not any(ip in network for network in BLOCKED_NETWORKS)


async def system_resolver(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


async def checked_addresses(
    host: str, port: int, resolver: Resolver, allow_loopback: bool = False
) -> list[str]:
    """The addresses `host` resolves to, refused when any one of them is not public: a name
    pointing inside the network is suspect whatever else it points to."""
    try:
        addresses = await resolver(host, port)
    except OSError as error:
        raise UpstreamError(f"{host} cannot be resolved.") from error
    if not addresses:
        raise UpstreamError(f"{host} has no address.")
    if not all(address_allowed(address, allow_loopback) for address in addresses):
        raise Forbidden(f"{host} resolves to an address the proxy does not call.")
    return addresses
