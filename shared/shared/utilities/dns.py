"""TXT records read with dnspython's resolver, from the system's DNS servers or from the ones
configured (tests point them at a local server): how a custom domain's owner proves it."""

import dns.asyncresolver
import dns.exception
import dns.nameserver
import dns.resolver

from shared.utilities.errors import UpstreamTimeout


class DnsUnavailable(UpstreamTimeout):
    """No DNS server answered in time."""

    code, message = "dns_unavailable", "The DNS servers did not answer; try again shortly."


class TxtResolver:
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


def nameserver(address: str) -> dns.nameserver.Do53Nameserver:
    """`1.1.1.1` or `127.0.0.1:5353`."""
    host, _, port = address.rpartition(":") if address.count(":") == 1 else (address, "", "")
    return dns.nameserver.Do53Nameserver(host or address, int(port) if port else 53)
