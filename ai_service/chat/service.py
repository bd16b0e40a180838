"""A chat answer from the model, whole or streamed, within the caller's limits."""

from collections.abc import AsyncIterator, Sequence
from contextlib import aclosing
from dataclasses import dataclass

import anyio

from ai_service.provider import ChatProvider, Completion, Message, TokenStream, Usage
from ai_service.usage import service as usage
from ai_service.usage.limits import Meter, Reservation

FEATURE = "chat"


@dataclass(frozen=True)
class Finished:
    """The end of a streamed answer."""

    model: str
    usage: Usage


async def answer(provider: ChatProvider, meter: Meter, messages: Sequence[Message]) -> Completion:
    return await usage.complete(provider, meter, FEATURE, messages)


async def start_stream(
    provider: ChatProvider, meter: Meter, messages: Sequence[Message]
) -> AsyncIterator[str | Finished]:
    """Starts the answer now, so a provider error still answers with its own status; then
    yields its text pieces and, once its usage is recorded, `Finished`."""
    reservation = await meter.reserve(messages)
    try:
        stream = await provider.stream(messages)
    except BaseException:
        await reservation.cancel()
        raise
    return pieces_then_finished(stream, reservation)


async def pieces_then_finished(
    stream: TokenStream, reservation: Reservation
) -> AsyncIterator[str | Finished]:
    # Closing the stream when the client goes away (this generator is cancelled) stops the
    # provider generating tokens nobody reads.
    try:
        async with aclosing(stream):
            async for piece in stream:
                yield piece
    except BaseException:
        # Cut off (the client left, the provider broke off): the tokens used are unknown, so
        # the reservation counts whole. Shielded: a cancelled request still records it.
        with anyio.CancelScope(shield=True):
            await reservation.spend_all(FEATURE, stream.model)
        raise
    await reservation.spend(FEATURE, stream.model, stream.usage)
    yield Finished(stream.model, stream.usage)
