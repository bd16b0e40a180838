"""Proving a custom domain before it is the account's.

A domain asked for is pending: it blocks nobody. The account shows a token, publishes it as a
TXT record at `_platform-verification.<domain>` (`PendingDomain.record_name`), and asks for the
check; only then is the domain its own (unique among proven domains), so nobody can hold a
domain first-come and keep its owner out. The DNS servers asked are the system's, or
INTERNAL_API_DNS_NAMESERVERS.
"""

from shared.models.account import PendingDomain
from shared.utilities.dns import DnsUnavailable, TxtResolver

__all__ = ["DnsUnavailable", "DomainVerifier"]


class DomainVerifier(TxtResolver):
    async def proves(self, pending: PendingDomain) -> bool:
        return pending.token in await self.txt_values(pending.record_name)
