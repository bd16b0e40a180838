from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from ai_service.provider import Message
from ai_service.usage.schemas import TokensUsed


class ChatMessage(Message):
    content: Annotated[str, StringConstraints(min_length=1, max_length=32_000)]


class ChatRequest(BaseModel):
    messages: list[ChatMessage] = Field(min_length=1, max_length=100)
    stream: bool = Field(
        False, description="answer as server-sent events: `delta` per token, then `done`"
    )


class ChatAnswer(BaseModel):
    content: str
    model: str
    usage: TokensUsed
