"""A DNS server on a free UDP port of loopback that answers TXT queries from a dict, so the
custom-domain check runs dnspython's real resolver over a real socket."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import dns.message
import dns.rcode
import dns.rdatatype
import dns.rrset


class TxtZone(asyncio.DatagramProtocol):
    def __init__(self) -> None:
        self.records: dict[str, list[str]] = {}  # name -> TXT values
        self.queries: list[str] = []
        self.silent = False  # a server that never answers
        self.transport: asyncio.DatagramTransport | None = None

    def connection_made(self, transport) -> None:
        self.transport = transport

    def datagram_received(self, data: bytes, address) -> None:
        if self.silent:
            return
        query = dns.message.from_wire(data)
        question = query.question[0]
        name = question.name.to_text(omit_final_dot=True)
        self.queries.append(name)
        answer = dns.message.make_response(query)
        values = self.records.get(name)
        if values is None:
            answer.set_rcode(dns.rcode.NXDOMAIN)
        elif question.rdtype == dns.rdatatype.TXT:
            quoted = [f'"{value}"' for value in values]
            answer.answer.append(dns.rrset.from_text(question.name, 60, "IN", "TXT", *quoted))
        assert self.transport is not None
        self.transport.sendto(answer.to_wire(), address)


@asynccontextmanager
async def txt_zone() -> AsyncIterator[tuple[TxtZone, str]]:
    """The zone and its server's `host:port`."""
    loop = asyncio.get_running_loop()
    transport, zone = await loop.create_datagram_endpoint(TxtZone, local_addr=("127.0.0.1", 0))
    host, port = transport.get_extra_info("sockname")[:2]
    try:
        yield zone, f"{host}:{port}"
    finally:
        transport.close()
