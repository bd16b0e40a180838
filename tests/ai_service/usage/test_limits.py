"""The AI limits per account and per agency: parallel requests cannot together pass a monthly
cap (the most each can use is reserved first, then settled to what it used), and a sub-account
cannot multiply its agency's quota."""

import asyncio
import os

import pytest
import redis.asyncio as aioredis

from ai_service.usage.limits import FRAMING_TOKENS, month_start
from shared.models.ai_usage import AiUsage
from shared.models.base import utc_now
from tests.ai_service.conftest import HELLO, create_usage
from tests.ai_service.fake_openai import Reply
from tests.factories import create_account, create_signed_in, create_sub_account
from tests.onebalance_factories import create_wallet

MAX_OUTPUT = 30
# What HELLO reserves: "Hello" in bytes, the framing of one message and of the answer, and the
# most the model may write.
RESERVED = len(b"Hello") + 2 * FRAMING_TOKENS + MAX_OUTPUT
USED = 12 + 5  # what the fake reports by default


@pytest.fixture
async def redis():
    client = aioredis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)
    yield client
    await client.aclose()


def tokens_key(agency_id, holder: str) -> str:
    month = f"{month_start(utc_now()):%Y-%m}"
    return f"ai:tokens:{month}:{{{agency_id}}}:{holder}"


async def chat_in_parallel(ai, headers, count: int) -> list[int]:
    answers = await asyncio.gather(
        *(ai.post("/v1/ai/chat", json=HELLO, headers=headers) for _ in range(count))
    )
    return sorted(answer.status_code for answer in answers)


async def recorded_tokens(account_id) -> int:
    usages = await AiUsage.find({"account_id": account_id}).to_list()
    return sum(usage.tokens_in + usage.tokens_out for usage in usages)


async def test_parallel_requests_cannot_together_pass_the_accounts_cap(start_ai, fake_openai):
    user = await create_signed_in()
    # Slow answers: every request has reserved before the first one settles.
    fake_openai.queue(*[Reply(delay_seconds=0.5) for _ in range(10)])

    async with start_ai(monthly_token_cap=2 * RESERVED + 1, max_output_tokens=MAX_OUTPUT) as ai:
        statuses = await chat_in_parallel(ai, user.headers, 10)

    assert statuses == [200] * 2 + [402] * 8
    assert len(fake_openai.requests) == 2
    assert await recorded_tokens(user.account.id) <= 2 * RESERVED + 1


async def test_a_reservation_is_settled_to_the_tokens_used(start_ai, fake_openai, redis):
    user = await create_signed_in()
    fake_openai.queue(*[Reply(delay_seconds=0.2) for _ in range(3)])

    async with start_ai(monthly_token_cap=10_000, max_output_tokens=MAX_OUTPUT) as ai:
        await chat_in_parallel(ai, user.headers, 3)

    counted = await redis.get(tokens_key(user.account.id, f"account:{user.account.id}"))
    assert int(counted) == 3 * USED == await recorded_tokens(user.account.id)


async def test_the_settled_tokens_free_the_cap_for_the_next_request(start_ai, fake_openai):
    user = await create_signed_in()

    async with start_ai(monthly_token_cap=RESERVED + USED, max_output_tokens=MAX_OUTPUT) as ai:
        first = await ai.post("/v1/ai/chat", json=HELLO, headers=user.headers)
        second = await ai.post("/v1/ai/chat", json=HELLO, headers=user.headers)

    assert (first.status_code, second.status_code) == (200, 200)


async def test_a_failed_call_gives_its_reservation_back(start_ai, fake_openai, redis):
    user = await create_signed_in()
    fake_openai.queue(Reply(status=500))

    async with start_ai(monthly_token_cap=10_000, max_output_tokens=MAX_OUTPUT) as ai:
        response = await ai.post("/v1/ai/chat", json=HELLO, headers=user.headers)

    assert response.status_code == 502
    counted = await redis.get(tokens_key(user.account.id, f"account:{user.account.id}"))
    assert int(counted) == 0
    assert await AiUsage.find_all().count() == 0


async def test_a_stream_cut_off_counts_its_whole_reservation(start_ai, fake_openai):
    user = await create_signed_in()
    fake_openai.queue(Reply(content="First second third", breaks_off=True))

    async with start_ai(monthly_token_cap=10_000, max_output_tokens=MAX_OUTPUT) as ai:
        await ai.post("/v1/ai/chat", json={**HELLO, "stream": True}, headers=user.headers)

    usage = await AiUsage.find_one({"account_id": user.account.id})
    assert usage.estimated is True
    assert usage.tokens_in + usage.tokens_out == RESERVED


async def test_sub_accounts_together_cannot_pass_their_agencys_cap(start_ai, fake_openai):
    agency = await create_account()
    first = await create_signed_in(await create_sub_account(agency))
    second = await create_signed_in(await create_sub_account(agency))
    await create_usage(first.account, agency_id=agency.id, tokens_in=100, tokens_out=0)

    async with start_ai(
        agency_monthly_token_cap=100 + RESERVED - 1, max_output_tokens=MAX_OUTPUT
    ) as ai:
        response = await ai.post("/v1/ai/chat", json=HELLO, headers=second.headers)

    assert response.status_code == 402
    assert response.json()["error"]["details"][0]["limit"] == "agency"
    assert fake_openai.requests == []


async def test_another_agencys_usage_does_not_count_against_this_agency(start_ai, fake_openai):
    other_agency = await create_account()
    busy = await create_signed_in(await create_sub_account(other_agency))
    await create_usage(busy.account, agency_id=other_agency.id, tokens_in=10_000)
    user = await create_signed_in(await create_sub_account(await create_account()))

    async with start_ai(agency_monthly_token_cap=1000, max_output_tokens=MAX_OUTPUT) as ai:
        response = await ai.post("/v1/ai/chat", json=HELLO, headers=user.headers)

    assert response.status_code == 200


async def test_a_sub_accounts_usage_is_recorded_under_its_agency(ai, fake_openai):
    agency = await create_account()
    user = await create_signed_in(await create_sub_account(agency))

    await ai.post("/v1/ai/chat", json=HELLO, headers=user.headers)

    usage = await AiUsage.find_one({"account_id": user.account.id})
    assert usage.agency_id == agency.id


async def test_sub_accounts_together_cannot_pass_their_agencys_rate_limit(start_ai, fake_openai):
    agency = await create_account()
    users = [await create_signed_in(await create_sub_account(agency)) for _ in range(3)]

    async with start_ai(rate_limit_requests=5, agency_rate_limit_requests=2) as ai:
        answers = [await ai.post("/v1/ai/chat", json=HELLO, headers=u.headers) for u in users]

    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert answers[2].json()["error"]["details"] == [{"limit": "agency", "requests": 2}]
    assert int(answers[2].headers["retry-after"]) > 0


async def test_a_request_over_its_accounts_rate_limit_leaves_the_agencys_alone(
    start_ai, fake_openai
):
    agency = await create_account()
    busy = await create_signed_in(await create_sub_account(agency))
    other = await create_signed_in(await create_sub_account(agency))

    async with start_ai(rate_limit_requests=1, agency_rate_limit_requests=2) as ai:
        for _ in range(5):
            await ai.post("/v1/ai/chat", json=HELLO, headers=busy.headers)
        response = await ai.post("/v1/ai/chat", json=HELLO, headers=other.headers)

    assert response.status_code == 200


async def test_a_month_lost_from_redis_is_counted_again_from_the_stored_usage(
    start_ai, fake_openai, redis
):
    user = await create_signed_in()
    await create_usage(user.account, tokens_in=900, tokens_out=90)
    await redis.delete(tokens_key(user.account.id, f"account:{user.account.id}"))

    async with start_ai(monthly_token_cap=1000, max_output_tokens=MAX_OUTPUT) as ai:
        response = await ai.post("/v1/ai/chat", json=HELLO, headers=user.headers)

    assert response.status_code == 402


async def test_a_wallet_that_cannot_cover_the_most_a_request_may_use_refuses_it(
    start_ai, fake_openai
):
    user = await create_signed_in()
    await create_wallet(user.account, balance=1)

    # The most it may use: 2,021 tokens, 2 cents at 1 cent per 1,000.
    async with start_ai(max_output_tokens=2_000) as ai:
        answer = await ai.post("/v1/ai/chat", json=HELLO, headers=user.headers)

    assert answer.status_code == 402, answer.text
    assert answer.json()["error"]["code"] == "insufficient_balance"
    assert fake_openai.requests == []
    assert await recorded_tokens(user.account.id) == 0
