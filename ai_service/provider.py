"""The language model behind every AI feature, and the one place its errors become ours.

`ChatProvider` is what features depend on; `OpenAIProvider` implements it on the official SDK,
so any OpenAI-compatible server works. The SDK retries a provider's 429, 5xx and timeouts with
backoff (`max_retries`); what still fails is mapped here to a domain error.
"""

import math
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal, Protocol, cast

import httpx
import openai
from openai import AsyncOpenAI, AsyncStream
from openai.types.chat import ChatCompletionChunk, ChatCompletionMessageParam
from openai.types.chat.completion_create_params import ResponseFormat
from openai.types.completion_usage import CompletionUsage
from pydantic import BaseModel

from ai_service.settings import AiServiceSettings
from shared.utilities.errors import RateLimited, UpstreamError, UpstreamTimeout

# When the provider's 429 does not say how long to wait.
DEFAULT_RETRY_AFTER_SECONDS = 5


class Message(BaseModel):
    role: Literal["system", "user", "assistant"]
    content: str


@dataclass(frozen=True)
class Usage:
    tokens_in: int = 0
    tokens_out: int = 0

    @property
    def tokens(self) -> int:
        return self.tokens_in + self.tokens_out

    @classmethod
    def of(cls, usage: CompletionUsage | None) -> "Usage":
        if usage is None:
            return cls()
        return cls(tokens_in=usage.prompt_tokens, tokens_out=usage.completion_tokens)


@dataclass(frozen=True)
class Completion:
    content: str
    model: str
    usage: Usage


class TokenStream:
    """The answer's text as the model writes it; `model` and `usage` are known at the end."""

    def __init__(self, chunks: AsyncStream[ChatCompletionChunk], model: str) -> None:
        self.chunks = chunks
        self.model = model
        self.usage = Usage()

    async def __aiter__(self) -> AsyncIterator[str]:
        with provider_errors():
            async for chunk in self.chunks:
                self.model = chunk.model or self.model
                if chunk.usage:
                    self.usage = Usage.of(chunk.usage)
                for choice in chunk.choices:
                    if choice.delta.content:
                        yield choice.delta.content

    async def aclose(self) -> None:
        """Closes the upstream response, so the provider stops generating."""
        await self.chunks.close()


class ChatProvider(Protocol):
    async def complete(
        self, messages: Sequence[Message], response_format: dict[str, Any] | None = None
    ) -> Completion: ...

    async def stream(self, messages: Sequence[Message]) -> TokenStream:
        """Starts the answer; an error before its first token is raised here."""
        ...


class OpenAIProvider:
    def __init__(self, client: AsyncOpenAI, model: str, max_output_tokens: int) -> None:
        self.client = client
        self.model = model
        # Sent with every request: what the usage limits reserve for the answer.
        self.max_output_tokens = max_output_tokens

    @classmethod
    def from_settings(cls, settings: AiServiceSettings) -> "OpenAIProvider":
        client = AsyncOpenAI(
            api_key=settings.openai_api_key.get_secret_value(),
            base_url=settings.openai_base_url,
            timeout=settings.openai_timeout_seconds,
            max_retries=settings.openai_max_retries,
        )
        return cls(client, settings.openai_model, settings.max_output_tokens)

    async def complete(
        self, messages: Sequence[Message], response_format: dict[str, Any] | None = None
    ) -> Completion:
        with provider_errors():
            answer = await self.client.chat.completions.create(
                model=self.model,
                messages=sdk_messages(messages),
                max_completion_tokens=self.max_output_tokens,
                response_format=(
                    cast(ResponseFormat, response_format) if response_format else openai.omit
                ),
            )
        return Completion(
            content=answer.choices[0].message.content or "",
            model=answer.model,
            usage=Usage.of(answer.usage),
        )

    async def stream(self, messages: Sequence[Message]) -> TokenStream:
        with provider_errors():
            chunks = await self.client.chat.completions.create(
                model=self.model,
                messages=sdk_messages(messages),
                max_completion_tokens=self.max_output_tokens,
                stream=True,
                # The last chunk then carries the token counts, for usage accounting.
                stream_options={"include_usage": True},
            )
        return TokenStream(chunks, self.model)

    async def close(self) -> None:
        await self.client.close()


def sdk_messages(messages: Sequence[Message]) -> list[ChatCompletionMessageParam]:
    # A message's dump is one of the SDK's message dicts (role and content).
    return [cast(ChatCompletionMessageParam, message.model_dump()) for message in messages]


@contextmanager
def provider_errors() -> Iterator[None]:
    """Turns what the SDK raises, once its own retries are spent, into domain errors."""
    try:
        yield
    except openai.RateLimitError as error:
        raise RateLimited(
            "The AI provider is rate-limiting us; try again later.",
            headers={"Retry-After": str(retry_after_seconds(error.response.headers))},
        ) from error
    # A timeout is a connection error to the SDK, so it is matched first. The SDK wraps httpx's
    # errors, except those raised while a stream is being read.
    except (openai.APITimeoutError, httpx.TimeoutException) as error:
        raise UpstreamTimeout("The AI provider did not answer in time.") from error
    except openai.APIStatusError as error:
        raise UpstreamError(f"The AI provider answered {error.status_code}.") from error
    except (openai.APIError, httpx.TransportError) as error:
        raise UpstreamError("The AI provider could not be reached.") from error


def retry_after_seconds(headers: httpx.Headers) -> int:
    """Whole seconds to wait, from the provider's Retry-After (seconds) or retry-after-ms."""
    if headers.get("retry-after", "").isdigit():
        return max(1, int(headers["retry-after"]))
    try:
        return max(1, math.ceil(float(headers["retry-after-ms"]) / 1000))
    except (KeyError, ValueError):
        return DEFAULT_RETRY_AFTER_SECONDS
