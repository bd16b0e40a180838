"""The AI service on a real port, in front of a fake OpenAI-compatible server on another.

Both are real HTTP servers, so the SDK's requests, retries, timeouts and streams are the real
thing; no limit or cap applies unless a test asks for one.
"""

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import httpx
import pytest

from ai_service.app import create_app
from ai_service.settings import AiServiceSettings
from shared.models.account import Account
from shared.models.ai_usage import AiUsage
from shared.models.base import utc_now
from tests.ai_service.fake_openai import FakeOpenAI

API_KEY = "sk-test-key"
MODEL = "gpt-test"
HELLO = {"messages": [{"role": "user", "content": "Hello"}]}


def ai_settings(fake_url: str, **overrides) -> AiServiceSettings:
    fields = {
        "openai_api_key": API_KEY,
        "openai_base_url": f"{fake_url}/v1",
        "openai_model": MODEL,
        "openai_max_retries": 0,
        "rate_limit_requests": 0,
        "agency_rate_limit_requests": 0,
        "monthly_token_cap": 0,
        "agency_monthly_token_cap": 0,
        # Small, so a small cap still fits a request's reservation.
        "max_output_tokens": 100,
    }
    return AiServiceSettings(**{**fields, **overrides})


@pytest.fixture
async def fake_openai(serve) -> AsyncIterator[FakeOpenAI]:
    fake = FakeOpenAI()
    async with serve(fake.app()) as url:
        fake.url = url
        yield fake


@pytest.fixture
def start_ai(serve, fake_openai, mongo):
    """`async with start_ai(**settings) as client`: a client of the service on a real port."""

    @asynccontextmanager
    async def start(**overrides) -> AsyncIterator[httpx.AsyncClient]:
        app = create_app(ai_settings(fake_openai.url, **overrides))
        async with serve(app) as url, httpx.AsyncClient(base_url=url, timeout=10) as client:
            yield client

    return start


@pytest.fixture
async def ai(start_ai) -> AsyncIterator[httpx.AsyncClient]:
    async with start_ai() as client:
        yield client


async def create_usage(account: Account, days_ago: int = 0, **overrides) -> AiUsage:
    fields = {
        "account_id": account.id,
        "user_id": "user-1",
        "feature": "chat",
        "model": MODEL,
        "tokens_in": 10,
        "tokens_out": 5,
        "created_at": utc_now() - timedelta(days=days_ago),
    }
    return await AiUsage(**{**fields, **overrides}).insert()


def server_sent_events(text: str) -> list[tuple[str, dict]]:
    """(event, data) of each event in a text/event-stream body."""
    events = []
    for block in text.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((lines["event"], json.loads(lines["data"])))
    return events
