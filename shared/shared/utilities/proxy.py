"""A streaming reverse proxy for the services that pass requests on (the router, the gateway).

Bodies stream both ways chunk by chunk, so a large upload or download never sits in memory.
Hop-by-hop headers stay on their hop; `x-request-id` goes on and `x-forwarded-for` grows by the
client's address. An upstream that cannot be reached answers 502, one too slow 504, both in the
uniform error shape.

It runs on aiohttp, which a service using it declares: measured as a proxy, aiohttp's client
passed on about 30 times the requests per second of httpx's under 64 concurrent callers.
"""

import functools
import ipaddress
import json
import logging
import re
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass

import aiohttp
from starlette.requests import ClientDisconnect
from starlette.types import Receive, Scope, Send
from yarl import URL

from shared.utilities import context
from shared.utilities.errors import (
    BadRequest,
    ServiceUnavailable,
    UpstreamError,
    UpstreamTimeout,
    error_payload,
)
from shared.utilities.replicas import Replica, Replicas, single

logger = logging.getLogger(__name__)

Headers = Iterable[tuple[bytes, bytes]]
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Meaningful for one connection only (RFC 9110 7.6.1), plus `expect`, which our own server
# has already answered, and `host`, which the client sets for the upstream's address.
HOP_BY_HOP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"te",
        b"trailer",
        b"transfer-encoding",
        b"upgrade",
        b"expect",
        b"host",
    }
)
# The answer's own server sets these (and the request id middleware its request id).
SET_BY_US = frozenset({b"date", b"server", b"x-request-id"})
# No header value may hold these (RFC 9110 5.5); a tab is allowed.
CONTROL_CHARACTERS = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")


# An upstream URL left empty: the service is not running here (`./scripts/up --only`).
NOT_RUNNING = ""


class ServiceNotRunning(ServiceUnavailable):
    code = "service_not_running"


class InvalidHeader(BadRequest):
    code, message = "invalid_header", "A request header holds a control character."


@asynccontextmanager
async def http_pool(
    connect_timeout: float, read_timeout: float, max_connections: int = 0
) -> AsyncIterator[aiohttp.ClientSession]:
    """The pooled client a proxy forwards with, for a service's lifespan.

    `read_timeout` is how long an upstream may stay silent (before answering, or while
    streaming), so long downloads are not cut while slow upstreams still fail fast."""
    session = aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=max_connections),
        timeout=aiohttp.ClientTimeout(
            total=None, sock_connect=connect_timeout, sock_read=read_timeout
        ),
        # Pass bytes and headers through as they are: no decoding, no defaults, no cookies kept.
        auto_decompress=False,
        skip_auto_headers=("User-Agent", "Accept", "Accept-Encoding", "Content-Type"),
        cookie_jar=aiohttp.DummyCookieJar(),
    )
    try:
        yield session
    finally:
        await session.close()


def is_hop_by_hop(name: bytes) -> bool:
    return name in HOP_BY_HOP or name.startswith(b"proxy-")


def peer_ip(scope: Scope) -> str:
    """The address of whoever opened the connection (a client, or a proxy in front)."""
    client = scope.get("client")
    return client[0] if client else ""


def client_ip(scope: Scope, trusted: Sequence[IPNetwork]) -> str:
    """The client's address: the peer, or behind the `trusted` proxies the rightmost hop of
    X-Forwarded-For that none of them is. Hops left of it were written by someone we do not
    trust (the client itself, say) and are never believed."""
    hop = peer_ip(scope)
    if not is_trusted(hop, trusted):
        return hop
    for hop in reversed(forwarded_hops(scope)):
        if not is_trusted(hop, trusted):
            return hop
    return hop  # every hop is one of our proxies: the leftmost is the nearest to a client


def forwarded_hops(scope: Scope) -> list[str]:
    values = [value for name, value in scope["headers"] if name == b"x-forwarded-for"]
    joined = b",".join(values).decode("latin-1")
    return [hop.strip() for hop in joined.split(",") if hop.strip()]


def is_trusted(address: str, trusted: Sequence[IPNetwork]) -> bool:
    ip = parsed_address(address)
    if ip is None:
        return False  # not an address (garbage a client wrote): nothing of ours
    return any(ip in network for network in trusted)


# The same few peers (our proxies, busy clients) come back on every request: parsing one costs
# more than the rest of the check.
@functools.lru_cache(maxsize=4096)
def parsed_address(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(address)
    except ValueError:
        return None


def forwarded_for(previous: str, peer: str) -> str:
    """`previous` with the peer appended: the hops the request took, nearest last."""
    hops = [hop.strip() for hop in previous.split(",") if hop.strip()]
    return ", ".join([*hops, peer] if peer else hops)


def upstream_headers(
    scope: Scope, drop: frozenset[bytes], add: Headers
) -> tuple[list[tuple[str, str]], bool]:
    """The headers to send upstream, and whether the request has a body to stream. Raises
    InvalidHeader for a value no HTTP message may carry."""
    headers: list[tuple[str, str]] = []
    previous_forwarded_for = ""
    has_body = False
    for name, value in scope["headers"]:
        if CONTROL_CHARACTERS.search(value):
            raise InvalidHeader(details=[{"field": f"header.{name.decode('latin-1')}"}])
        if name == b"content-length":
            has_body = value != b"0"
        elif name == b"transfer-encoding":
            has_body = True
        if name == b"x-forwarded-for":
            previous_forwarded_for = value.decode("latin-1")
        elif not (is_hop_by_hop(name) or name == b"x-request-id" or name in drop):
            headers.append((name.decode("latin-1"), value.decode("latin-1")))
    headers.extend((name.decode("latin-1"), value.decode("latin-1")) for name, value in add)
    headers.append(("x-forwarded-for", forwarded_for(previous_forwarded_for, peer_ip(scope))))
    if request_id := context.request_id.get():
        headers.append(("x-request-id", request_id))
    return headers, has_body


def passed_back(headers: Headers) -> list[tuple[bytes, bytes]]:
    """The upstream answer's headers that go on to the client."""
    passed = []
    for name, value in headers:
        lower = name.lower()
        if not (is_hop_by_hop(lower) or lower in SET_BY_US):
            passed.append((name, value))
    return passed


async def request_body(receive: Receive) -> AsyncIterator[bytes]:
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientDisconnect()
        if body := message.get("body"):
            yield body
        if not message.get("more_body"):
            return


async def send_error(
    send: Send,
    status: int,
    code: str,
    message: str,
    headers: Headers = (),
    details: list[dict] | None = None,
) -> None:
    """Answer in the uniform error shape, straight over ASGI."""
    body = json.dumps(error_payload(code, message, details)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def send_not_running(send: Send, service: str) -> None:
    await send_error(
        send,
        ServiceNotRunning.status_code,
        ServiceNotRunning.code,
        f"The {service} service is not running here (started with --only).",
    )


# Methods a request may be sent again with (RFC 9110 9.2.2), when it carries no body to stream.
IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})


class NotSent(Exception):
    """The connection to a replica could not be opened: the request has not left."""


class Unanswered(Exception):
    """The request (or part of it) was sent, and the replica failed before answering."""

    def __init__(self, error: TimeoutError | aiohttp.ClientError) -> None:
        super().__init__(repr(error))
        self.error = error


# A kept-alive connection the replica closed, or reset, before any answer: it went away.
RESET_BEFORE_ANSWER = (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError)


async def forward(
    session: aiohttp.ClientSession,
    upstream: str | Replicas,
    scope: Scope,
    receive: Receive,
    send: Send,
    *,
    drop: frozenset[bytes] = frozenset(),
    add: Headers = (),
    response_headers: Headers = (),
) -> Replica | None:
    """Pass an HTTP request on to the same path and query at `upstream` (a base URL, or a
    service's replicas) and stream the answer back; returns the replica that answered. `drop`
    names request headers to leave out (lower case), `add` adds some, and `response_headers`
    are added to the answer.

    A replica that cannot be connected to is left out for a while and the request goes to the
    next one: nothing was sent, so nothing can happen twice. Once sent, a request whose replica
    goes away before answering goes to another only when sending it again is harmless (an
    idempotent method, no body); any other is answered 502: it was never acknowledged, so the
    client knows it has not been done, or may have been, and asks again (with its idempotency
    key, where the route takes one). An answer that has started is never sent again."""
    replicas = upstream if isinstance(upstream, Replicas) else single(upstream)
    path = scope.get("raw_path") or scope["path"].encode()
    query = b"?" + scope["query_string"] if scope["query_string"] else b""
    target = (path + query).decode("latin-1")
    try:
        headers, has_body = upstream_headers(scope, drop, add)
    except InvalidHeader as refusal:
        await send_error(
            send,
            refusal.status_code,
            refusal.code,
            refusal.message,
            response_headers,
            refusal.details,
        )
        return None
    attempt = Attempt(session, target, scope, receive, send, headers, has_body, response_headers)
    resendable = scope["method"] in IDEMPOTENT and not has_body
    tried: list[Replica] = []
    not_sent: BaseException | None = None
    while (replica := replicas.pick(tried)) is not None:
        tried.append(replica)
        try:
            await attempt.to(replica)
        except NotSent as failure:
            replicas.failed(replica)
            not_sent = failure.__cause__
            continue
        except Unanswered as failure:
            if isinstance(failure.error, RESET_BEFORE_ANSWER):
                replicas.failed(replica)
                if resendable:
                    continue
            await send_upstream_failure(send, replica.url, failure.error, response_headers)
            return None
        except ClientDisconnect:
            return None
        replicas.answered(replica)
        return replica
    await send_upstream_failure(send, replicas.service, not_sent, response_headers)
    return None


@dataclass(frozen=True)
class Attempt:
    """A request to pass on, to whichever replica is tried."""

    session: aiohttp.ClientSession
    target: str  # the path and query
    scope: Scope
    receive: Receive
    send: Send
    headers: list[tuple[str, str]]
    has_body: bool
    response_headers: Headers

    async def to(self, replica: Replica) -> None:
        """Raises NotSent (the body is still unread) or Unanswered before the answer starts;
        a failure after that goes up as it is (the answer is cut short)."""
        started = False
        try:
            async with self.session.request(
                self.scope["method"],
                URL(replica.url + self.target, encoded=True),
                headers=self.headers,
                data=request_body(self.receive) if self.has_body else None,
                allow_redirects=False,
            ) as answer:
                await self.send(
                    {
                        "type": "http.response.start",
                        "status": answer.status,
                        "headers": [*passed_back(answer.raw_headers), *self.response_headers],
                    }
                )
                started = True
                async for chunk in answer.content.iter_any():
                    await self.send(
                        {"type": "http.response.body", "body": chunk, "more_body": True}
                    )
                await self.send({"type": "http.response.body", "body": b""})
        except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as error:
            raise NotSent() from error
        except (TimeoutError, aiohttp.ClientError) as error:
            if started:
                raise
            raise Unanswered(error) from error


async def send_upstream_failure(
    send: Send, upstream: str, error: BaseException | None, response_headers: Headers
) -> None:
    """502 for an upstream that failed or could not be reached, 504 for one too slow."""
    failure = UpstreamTimeout if isinstance(error, TimeoutError) else UpstreamError
    logger.warning("upstream %s failed: %r", upstream, error)
    await send_error(send, failure.status_code, failure.code, failure.message, response_headers)
