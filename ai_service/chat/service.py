"""A chat answer from the model, whole or streamed, with its usage recorded."""

from collections.abc import AsyncIterator
from contextlib import aclosing
from dataclasses import dataclass

from ai_service.provider import ChatProvider, Completion, Message, TokenStream, Usage
from ai_service.usage import service as usage
from shared.utilities.auth import Principal

FEATURE = "chat"


@dataclass(frozen=True)
class Finished:
    """The end of a streamed answer."""

    model: str
    usage: Usage


async def answer(
    provider: ChatProvider, principal: Principal, messages: list[Message]
) -> Completion:
    completion = await provider.complete(messages)
    await usage.record(principal, FEATURE, completion.model, completion.usage)
    return completion


async def start_stream(
    provider: ChatProvider, principal: Principal, messages: list[Message]
) -> AsyncIterator[str | Finished]:
    """Starts the answer now, so a provider error still answers with its own status; then
    yields its text pieces and, once its usage is recorded, `Finished`."""
    return pieces_then_finished(await provider.stream(messages), principal)


async def pieces_then_finished(
    stream: TokenStream, principal: Principal
) -> AsyncIterator[str | Finished]:
    # Closing the stream when the client goes away (this generator is cancelled) stops the
    # provider generating tokens nobody reads.
    async with aclosing(stream):
        async for piece in stream:
            yield piece
    await usage.record(principal, FEATURE, stream.model, stream.usage)
    yield Finished(stream.model, stream.usage)
