"""Which addresses outbound calls to URLs chosen by others (the proxy's destinations, customers'
webhook URLs) may reach: public ones only, so nobody can aim the platform inside its own network.

A name is resolved once and every address it gives is checked; the caller then connects to one
of those addresses and never looks the name up again, so a DNS answer that changes between check
and connect (rebinding) cannot lead it inside the network.
"""

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Sequence

from shared.utilities.errors import Forbidden, UpstreamError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# A host name and port in, the addresses to try out (IPv4 or IPv6, as text).
Resolver = Callable[[str, int], Awaitable[list[str]]]

LOOPBACK_NETWORKS: tuple[IPNetwork, ...] = (
    ipaddress.ip_network("127.0.0.0/8"),
    ipaddress.ip_network("::1/128"),
)
# IPv6 prefixes whose addresses carry an IPv4 one that a translator on the path would reach.
NAT64 = ipaddress.ip_network("64:ff9b::/96")


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one stands for on the wire (mapped, 6to4 or NAT64), if any."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped or ip.sixtofour:
        return ip.ipv4_mapped or ip.sixtofour
    if ip in NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_public(ip: IPAddress) -> bool:
    """Globally routable and unicast: not private, loopback, link-local (cloud metadata at
    169.254.169.254), carrier-grade NAT, multicast, reserved or unspecified."""
    return ip.is_global and not ip.is_multicast


def address_allowed(address: str, allowed_networks: Sequence[IPNetwork] = ()) -> bool:
    """The address is public, or inside one of `allowed_networks` (loopback for tests, say)."""
    ip = ipaddress.ip_address(address)
    ip = embedded_ipv4(ip) or ip
    return is_public(ip) or any(ip in network for network in allowed_networks)


async def system_resolver(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


async def checked_addresses(
    host: str,
    port: int,
    resolver: Resolver = system_resolver,
    allowed_networks: Sequence[IPNetwork] = (),
) -> list[str]:
    """The addresses `host` resolves to, refused when any one of them is not allowed: a name
    pointing inside the network is suspect whatever else it points to."""
    try:
        addresses = await resolver(host, port)
    except OSError as error:
        raise UpstreamError(f"{host} cannot be resolved.") from error
    if not addresses:
        raise UpstreamError(f"{host} has no address.")
    if not all(address_allowed(address, allowed_networks) for address in addresses):
        raise Forbidden(f"{host} resolves to an address inside the network, which is not called.")
    return addresses


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
