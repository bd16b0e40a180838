"""POST /v1/ai/chat: messages in, the model's answer out, whole or as server-sent events."""

import json
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from ai_service.chat import service
from ai_service.chat.schemas import ChatAnswer, ChatRequest
from ai_service.chat.service import Finished
from ai_service.dependencies import MODEL_ERRORS, Metered, Provider
from ai_service.usage.schemas import TokensUsed
from shared.utilities.errors import DomainError, error_payload, error_responses

router = APIRouter(prefix="/v1/ai", tags=["ai"])


@router.post(
    "/chat",
    response_model=ChatAnswer,
    summary="The model's answer to a conversation",
    description="With `stream: true` the answer comes as server-sent events: a `delta` event "
    "per piece of text, then `done` with the model and token counts, or `error` if the "
    "provider fails midway. Closing the connection stops the generation.",
    responses={
        **error_responses(*MODEL_ERRORS),
        200: {"content": {"text/event-stream": {}}},
    },
)
async def chat(
    body: ChatRequest, meter: Metered, provider: Provider
) -> ChatAnswer | StreamingResponse:
    if body.stream:
        events = await service.start_stream(provider, meter, body.messages)
        return StreamingResponse(
            server_sent_events(events),
            media_type="text/event-stream",
            headers={"cache-control": "no-cache"},
        )
    return ChatAnswer.model_validate(await service.answer(provider, meter, body.messages))


async def server_sent_events(events: AsyncIterator[str | Finished]) -> AsyncIterator[str]:
    try:
        async for event in events:
            if isinstance(event, Finished):
                usage = TokensUsed.model_validate(event.usage).model_dump()
                yield server_sent_event("done", {"model": event.model, "usage": usage})
            else:
                yield server_sent_event("delta", {"content": event})
    except DomainError as error:
        # The status line has gone out already; the client learns of the failure here.
        yield server_sent_event("error", error_payload(error.code, error.message, error.details))


def server_sent_event(name: str, data: dict[str, Any]) -> str:
    return f"event: {name}\ndata: {json.dumps(data)}\n\n"
