"""The support bot: its first answer to a new support conversation, chosen from a configured
set by the keywords of the customer's subject and message.

The set is a JSON file (`bots.json` beside this module, or INTERNAL_API_SUPPORT_BOTS_FILE),
read and checked at start-up, so a broken file stops the service rather than the first
customer's conversation:

    {"name": "Support bot",
     "answers": [{"intent": "billing", "keywords": ["invoice", "refund"], "answer": "..."}],
     "fallback": "..."}

The answer matching the most keywords wins (the first in the file among equals); a keyword is
a word or phrase matched whole, in any case. With none matching, the fallback answers, or
nobody when there is none. Answers may hold placeholders (`placeholders`).
"""

import re
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from pydantic import BaseModel, Field

from internal_api.support.placeholders import ReplyText
from internal_api.support.settings import SupportSettings

DEFAULT_FILE = Path(__file__).with_name("bots.json")
# Who the bot's messages are from (sender type `system`).
BOT_SENDER = "support-bot"


class BotAnswer(BaseModel):
    intent: str = Field(min_length=1, max_length=64)
    keywords: list[Annotated[str, Field(min_length=1, max_length=100)]] = Field(min_length=1)
    answer: ReplyText

    def score(self, text: str) -> int:
        """How many of its keywords the (lower-cased) text holds, each whole."""
        return sum(
            1 for keyword in self.keywords if re.search(rf"\b{re.escape(keyword.lower())}\b", text)
        )


class Bot(BaseModel):
    name: str = Field("Support bot", max_length=100)
    answers: list[BotAnswer] = []
    fallback: ReplyText | None = None

    def answer_for(self, text: str) -> str | None:
        lowered = text.lower()
        scored = [(answer.score(lowered), answer) for answer in self.answers]
        best = max((score for score, _ in scored), default=0)
        if best == 0:
            return self.fallback
        return next(answer.answer for score, answer in scored if score == best)


def load_bot(path: Path) -> Bot:
    try:
        return Bot.model_validate_json(path.read_bytes())
    except (OSError, ValueError) as error:
        raise RuntimeError(f"the support bot's answers in {path} cannot be used: {error}") from None


def support_bot(
    settings: SupportSettings,
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """The app's lifespan part reading the bot's answers once."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.support_bot = load_bot(Path(settings.support_bots_file or DEFAULT_FILE))
        yield

    return lifespan


def get_bot(request: Request) -> Bot:
    return request.app.state.support_bot


SupportBot = Annotated[Bot, Depends(get_bot)]
