"""Moving an exchange's bytes: a CONNECT tunnel carried both ways, or a plain HTTP request
passed on in origin-form with its answer streamed back."""

import asyncio
from collections.abc import Callable

import h11

from misc.proxy_server.target import Target
from misc.proxy_server.traffic import ResponseTooLarge, Traffic
from misc.proxy_server.wire import CHUNK_BYTES, Peer, end_to_end, next_event, send
from shared.utilities.errors import BadRequest, UpstreamError

# Told the status the client is answered with, as soon as the answer has begun.
Answered = Callable[[int], None]


async def tunnel(client: Peer, upstream: Peer, traffic: Traffic, answered: Answered) -> None:
    """Answer the CONNECT, then carry bytes both ways until both ends are done."""
    if not isinstance(await next_event(client, traffic), h11.EndOfMessage):
        raise BadRequest("A CONNECT request carries no body.")
    await send(client, h11.Response(status_code=200, reason=b"Connection established", headers=[]))
    answered(200)
    sent_early, _ = client.http.trailing_data  # what the client sent right behind its CONNECT
    if sent_early:
        traffic.up(len(sent_early))
        upstream.writer.write(sent_early)
    await splice(client, upstream.reader, upstream.writer, traffic)


async def splice(
    client: Peer,
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    traffic: Traffic,
) -> None:
    """Carry bytes between the client and the other end (`reader`, `writer`) both ways, until
    both directions have ended or one of them fails."""
    relays = [
        asyncio.create_task(relay(client.reader, writer, traffic.up)),
        asyncio.create_task(relay(reader, client.writer, traffic.down)),
    ]
    try:
        await asyncio.gather(*relays)
    finally:
        for task in relays:
            task.cancel()
        await asyncio.gather(*relays, return_exceptions=True)


async def relay(
    source: asyncio.StreamReader, sink: asyncio.StreamWriter, count: Callable[[int], None]
) -> None:
    """Copy one direction until its end, then pass the end on (a half-close), so the other
    direction can still finish."""
    while data := await source.read(CHUNK_BYTES):
        count(len(data))
        sink.write(data)
        await sink.drain()
    if sink.can_write_eof():
        sink.write_eof()


async def forward(
    client: Peer,
    request: h11.Request,
    target: Target,
    upstream: Peer,
    traffic: Traffic,
    answered: Answered,
) -> None:
    """Ask the upstream in origin-form and stream its answer back."""
    headers = [(name, value) for name, value in end_to_end(request.headers) if name != b"host"]
    upstream_request = h11.Request(
        method=request.method,
        target=target.path,
        headers=[(b"host", target.authority), *headers, (b"connection", b"close")],
    )
    await send(upstream, upstream_request)
    while isinstance(event := await next_event(client, traffic), h11.Data):
        traffic.up(len(event.data))
        await send(upstream, event)
    await send(upstream, h11.EndOfMessage())

    while isinstance(answer := await next_event(upstream, traffic), h11.InformationalResponse):
        pass  # a `100 Continue` is for the hop that asked for it
    if not isinstance(answer, h11.Response):
        raise UpstreamError("The upstream closed without answering.")
    declared = (int(value) for name, value in answer.headers if name == b"content-length")
    if next(declared, 0) > traffic.max_response_bytes:
        raise ResponseTooLarge()
    await send(
        client,
        h11.Response(
            status_code=answer.status_code,
            reason=answer.reason,
            headers=[*end_to_end(answer.headers), (b"connection", b"close")],
        ),
    )
    answered(answer.status_code)
    while isinstance(event := await next_event(upstream, traffic), h11.Data):
        traffic.down(len(event.data))
        await send(client, event)
    await send(client, h11.EndOfMessage())
