"""Proving a custom domain before it is the account's.

A domain asked for is pending: it blocks nobody. The account shows a token, publishes it as a
TXT record at `_platform-verification.<domain>` (`PendingDomain.record_name`), and asks for the
check; only then is the domain its own (unique among proven domains), so nobody can hold a
domain first-come and keep its owner out. The DNS servers asked are the system's, or
INTERNAL_API_DNS_NAMESERVERS.
"""

import dns.asyncresolver
import dns.exception
import dns.nameserver
import dns.resolver

from shared.models.account import PendingDomain
from shared.utilities.errors import UpstreamTimeout


class DnsUnavailable(UpstreamTimeout):
    """No DNS server answered in time."""

    code, message = "dns_unavailable", "The DNS servers did not answer; try again shortly."


class DomainVerifier:
    def __init__(self, nameservers: list[str], timeout_seconds: float) -> None:
        self.resolver = dns.asyncresolver.Resolver(configure=not nameservers)
        if nameservers:
            self.resolver.nameservers = [nameserver(address) for address in nameservers]
        self.resolver.lifetime = timeout_seconds

    async def txt_values(self, name: str) -> list[str]:
        """The TXT values published at `name`; none when it has no such record."""
        try:
            answer = await self.resolver.resolve(name, "TXT")
        except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
            return []
        except (dns.resolver.NoNameservers, dns.exception.Timeout):
            raise DnsUnavailable() from None
        return [b"".join(record.strings).decode(errors="replace") for record in answer]

    async def proves(self, pending: PendingDomain) -> bool:
        return pending.token in await self.txt_values(pending.record_name)


def nameserver(address: str) -> dns.nameserver.Do53Nameserver:
    """`1.1.1.1` or `127.0.0.1:5353`."""
    host, _, port = address.rpartition(":") if address.count(":") == 1 else (address, "", "")
    return dns.nameserver.Do53Nameserver(host or address, int(port) if port else 53)
