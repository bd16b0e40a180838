from typing import Annotated

from pydantic import Field, StringConstraints

from ai_service.provider import Message
from ai_service.usage.schemas import TokensUsed
from shared.utilities.schemas import ReadModel, WriteModel


class ChatMessage(Message, WriteModel):
    content: Annotated[str, StringConstraints(min_length=1, max_length=32_000)]


class ChatRequest(WriteModel):
    messages: list[ChatMessage] = Field(min_length=1, max_length=100)
    stream: bool = Field(
        False, description="answer as server-sent events: `delta` per token, then `done`"
    )


class ChatAnswer(ReadModel):
    """A `Completion`, as answered."""

    content: str
    model: str
    usage: TokensUsed
