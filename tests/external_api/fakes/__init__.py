"""Providers faked at the HTTP transport: `FakeProviders` answers requests by method and URL
(without the query) with queued answers, and records every request so tests assert what the
client sent. One instance stands for every provider host at once (their hosts differ)."""

import json
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qs

import httpx

Answer = httpx.Response | Callable[[httpx.Request], Awaitable[httpx.Response] | httpx.Response]


def json_answer(body: Any, status: int = 200, headers: dict[str, str] | None = None):
    return httpx.Response(status, json=body, headers=headers)


class FakeProviders:
    def __init__(self) -> None:
        self.answers: dict[tuple[str, str], deque[Answer]] = defaultdict(deque)
        self.requests: list[httpx.Request] = []

    def on(self, method: str, url: str, *answers: Answer) -> None:
        """Answer `method url` with each answer in turn; the last one then keeps answering."""
        self.answers[(method, url)].extend(answers)

    async def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        url = str(request.url.copy_with(query=None))
        queue = self.answers.get((request.method, url))
        if not queue:
            return json_answer({"error": {"message": f"fake: no answer for {url}"}}, 599)
        answer = queue.popleft() if len(queue) > 1 else queue[0]
        if callable(answer):
            answer = answer(request)
            if not isinstance(answer, httpx.Response):
                answer = await answer
        return answer

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def sent(self, method: str, url: str) -> list[httpx.Request]:
        return [
            request
            for request in self.requests
            if request.method == method and str(request.url.copy_with(query=None)) == url
        ]


def form_of(request: httpx.Request) -> dict[str, str]:
    """An application/x-www-form-urlencoded body as a dict (one value per name)."""
    return {name: values[0] for name, values in parse_qs(request.content.decode()).items()}


def json_of(request: httpx.Request) -> Any:
    return json.loads(request.content)


def query_of(request: httpx.Request) -> dict[str, str]:
    return dict(request.url.params)
