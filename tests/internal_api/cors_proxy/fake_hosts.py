"""Third-party hosts as the CORS proxy reaches them, faked at the HTTP transport: each URL's
answer set by the test, every request recorded."""

from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

FONT_URL = "https://fonts.gstatic.com/s/inter/v13/inter.woff2"
FONT = b"wOF2" + b"\x00" * 60
Answer = httpx.Response | Callable[[httpx.Request], httpx.Response]


def font(**headers: str) -> httpx.Response:
    return httpx.Response(200, content=FONT, headers={"content-type": "font/woff2", **headers})


@dataclass
class FakeHosts:
    answers: dict[str, Answer] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)

    def reset(self) -> None:
        self.requests.clear()
        self.answers = {FONT_URL: font(**{"cache-control": "public, max-age=31536000"})}

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.get(str(request.url), httpx.Response(404))
        return answer(request) if callable(answer) else answer
