"""A small OpenAI-compatible server for tests: POST /v1/chat/completions, whole or streamed.

It records every request, answers with the replies queued on it (a default answer once they
run out) in the shapes of OpenAI's API reference, and notes a stream the client closed early.
"""

import asyncio
import json
import re
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route


@dataclass
class Reply:
    content: str = "Happy to help with that."
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay_seconds: float = 0  # before the answer starts
    model: str = "gpt-test-2024"
    tokens_in: int = 12
    tokens_out: int = 5
    breaks_off: bool = False  # a stream drops the connection after its first piece

    def pieces(self) -> list[str]:
        """The content as a stream sends it: word by word, spaces kept."""
        return re.findall(r"\S+\s*", self.content)


@dataclass
class Recorded:
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass
class FakeOpenAI:
    url: str = ""
    requests: list[Recorded] = field(default_factory=list)
    replies: deque[Reply] = field(default_factory=deque)
    # A stream sends its first piece, then waits for this: clear it to hold the rest back.
    stream_gate: asyncio.Event = field(default_factory=asyncio.Event)
    stream_closed_early: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        self.stream_gate.set()

    def queue(self, *replies: Reply) -> None:
        self.replies.extend(replies)

    @property
    def last_request(self) -> Recorded:
        return self.requests[-1]

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/v1/chat/completions", self.completions, methods=["POST"])])

    async def completions(self, request: Request) -> Response:
        body = await request.json()
        self.requests.append(Recorded(dict(request.headers), body))
        reply = self.replies.popleft() if self.replies else Reply()
        await asyncio.sleep(reply.delay_seconds)
        if reply.status != 200:
            error = {"message": "fake failure", "type": "fake_error", "code": None}
            return JSONResponse({"error": error}, reply.status, headers=reply.headers)
        if body.get("stream"):
            include_usage = body.get("stream_options", {}).get("include_usage", False)
            events = self.stream(reply, include_usage)
            return StreamingResponse(events, media_type="text/event-stream")
        return JSONResponse(completion(reply))

    async def stream(self, reply: Reply, include_usage: bool) -> AsyncIterator[str]:
        finished = False
        try:
            for index, piece in enumerate(reply.pieces()):
                if index == 1:
                    await self.stream_gate.wait()
                    if reply.breaks_off:
                        raise ConnectionAbortedError("the fake breaks off the stream")
                yield data(chunk(reply, {"content": piece}))
            yield data(chunk(reply, {}, finish_reason="stop"))
            if include_usage:
                yield data({**chunk(reply, {}), "choices": [], "usage": usage(reply)})
            yield "data: [DONE]\n\n"
            finished = True
        finally:
            if not finished:
                self.stream_closed_early.set()


def completion(reply: Reply) -> dict[str, Any]:
    message = {"role": "assistant", "content": reply.content}
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": reply.model,
        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
        "usage": usage(reply),
    }


def chunk(reply: Reply, delta: dict[str, str], finish_reason: str | None = None) -> dict:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": 1_700_000_000,
        "model": reply.model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }


def usage(reply: Reply) -> dict[str, int]:
    return {
        "prompt_tokens": reply.tokens_in,
        "completion_tokens": reply.tokens_out,
        "total_tokens": reply.tokens_in + reply.tokens_out,
    }


def data(payload: dict[str, Any]) -> str:
    return f"data: {json.dumps(payload)}\n\n"
