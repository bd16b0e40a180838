"""HTTP/1.1 on an asyncio stream, with h11: one end of an exchange (`Peer`), reading and
sending its events, and the headers that stay on their hop (RFC 9110 7.6.1)."""

import asyncio
import contextlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from http import HTTPStatus

import h11

from misc.proxy_server.traffic import Traffic
from shared.utilities import context
from shared.utilities.errors import DomainError, error_payload

CHUNK_BYTES = 64 * 1024
REQUEST_ID_HEADER = b"x-request-id"
# Meaningful for one connection only (RFC 9110 7.6.1). Content-Length and Transfer-Encoding stay:
# h11 frames the body on each hop by them.
HOP_BY_HOP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"proxy-authenticate",
        b"proxy-authorization",
        b"proxy-connection",
        b"te",
        b"trailer",
        b"upgrade",
    }
)

Headers = Iterable[tuple[bytes, bytes]]


@dataclass
class Peer:
    """One end of an exchange: its byte stream and the HTTP state h11 keeps for it."""

    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    http: h11.Connection


async def read_request(client: Peer) -> tuple[h11.Request | None, bytes]:
    """The request's head, and the bytes it came in (the app is handed them as they are);
    None when the client closed without asking anything."""
    received = bytearray()
    while (event := client.http.next_event()) is h11.NEED_DATA:
        data = await client.reader.read(CHUNK_BYTES)
        received += data
        client.http.receive_data(data)
    return (event if isinstance(event, h11.Request) else None), bytes(received)


async def next_event(peer: Peer, traffic: Traffic) -> h11.Event:
    while (event := peer.http.next_event()) is h11.NEED_DATA:
        peer.http.receive_data(await peer.reader.read(CHUNK_BYTES))
        traffic.moved()
    if not isinstance(event, h11.Event):  # PAUSED: one message per connection, none past it
        raise h11.RemoteProtocolError("data past the end of the message", 400)
    return event


async def send(peer: Peer, *events: h11.Event) -> None:
    for event in events:
        peer.writer.write(peer.http.send(event) or b"")
    await peer.writer.drain()


def end_to_end(headers: Headers) -> list[tuple[bytes, bytes]]:
    """The headers to pass on: not hop-by-hop, nor named by the Connection header."""
    headers = list(headers)
    named_by_connection = {
        token.strip().lower()
        for name, value in headers
        if name == b"connection"
        for token in value.split(b",")
    }
    return [
        (name, value)
        for name, value in headers
        if name not in HOP_BY_HOP and name not in named_by_connection
    ]


async def answer_error(client: Peer, error: DomainError) -> None:
    body = json.dumps(error_payload(error.code, error.message, error.details)).encode()
    response = h11.Response(
        status_code=error.status_code,
        reason=HTTPStatus(error.status_code).phrase.encode(),
        headers=[
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
            (REQUEST_ID_HEADER, context.request_id.get().encode()),
        ],
    )
    # The client may have gone, or its connection may take no answer any more.
    with contextlib.suppress(OSError, h11.LocalProtocolError):
        await send(client, response, h11.Data(data=body), h11.EndOfMessage())
