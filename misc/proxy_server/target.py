"""Where a proxied request goes: its host, port and what to ask there."""

from dataclasses import dataclass
from urllib.parse import urlsplit

import h11

from shared.utilities.errors import BadRequest


@dataclass(frozen=True)
class Target:
    host: str
    port: int
    authority: bytes  # the Host header upstream
    path: bytes  # path and query to ask upstream; empty for a tunnel

    @classmethod
    def of(cls, request: h11.Request) -> "Target":
        target = request.target.decode("latin-1")
        tunnel = request.method == b"CONNECT"
        url = urlsplit("//" + target if tunnel else target)
        if not tunnel and url.scheme != "http":
            raise BadRequest("Only http:// URLs are passed on; https goes through CONNECT.")
        try:
            port = url.port or (None if tunnel else 80)
        except ValueError:
            port = None
        if not url.hostname or port is None:
            raise BadRequest(f"{target} names no host and port to connect to.")
        path = "" if tunnel else (url.path or "/") + (f"?{url.query}" if url.query else "")
        authority = url.netloc.rpartition("@")[2]  # never pass credentials in a URL on
        return cls(url.hostname, port, authority.encode(), path.encode())
