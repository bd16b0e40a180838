"""An httpx transport that connects only to addresses allowed by `shared.utilities.addresses`,
for calls to URLs chosen by others (customers' webhooks, the dashboard's CORS proxy).

The check sits where the connection is opened (httpcore's network backend): the host of the URL
is resolved once, every address it gives is checked, and the socket goes to a checked address,
so a DNS answer that changes after the check (rebinding) cannot lead a call inside the
network. URLs keep their host name, so TLS verifies the certificate against it and pooled
connections are never shared between names.
"""

from collections.abc import Iterable, Sequence

import httpcore
import httpx

from shared.utilities.addresses import IPNetwork, Resolver, checked_addresses, system_resolver


class CheckedAddressBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, allowed_networks: Sequence[IPNetwork], resolver: Resolver) -> None:
        self.allowed_networks = allowed_networks
        self.resolver = resolver
        self.sockets = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's signature)
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """A connection to the first checked address that answers. Raises Forbidden for a host
        inside the network, UpstreamError for one that does not resolve."""
        addresses = await checked_addresses(host, port, self.resolver, self.allowed_networks)
        for address in addresses:
            try:
                return await self.sockets.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as error:
                failure = error
        raise failure

    async def sleep(self, seconds: float) -> None:
        await self.sockets.sleep(seconds)


class CheckedAddressTransport(httpx.AsyncHTTPTransport):
    def __init__(
        self,
        allowed_networks: Sequence[IPNetwork] = (),
        resolver: Resolver = system_resolver,
        **transport_options,
    ) -> None:
        super().__init__(**transport_options)
        # httpx takes no network backend of its own; its connection pool does.
        self._pool._network_backend = CheckedAddressBackend(allowed_networks, resolver)
