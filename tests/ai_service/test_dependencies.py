"""Who may call the model, and when: a user token with ai:use, a key, the account's limits."""

from shared.models.membership import Role
from tests.ai_service.conftest import HELLO, create_usage
from tests.factories import create_signed_in


async def test_a_request_without_a_token_answers_401(ai):
    response = await ai.post("/v1/ai/chat", json=HELLO)

    assert response.status_code == 401


async def test_a_user_without_the_ai_use_scope_answers_403(ai, fake_openai):
    client_user = await create_signed_in(role=Role.CLIENT)

    response = await ai.post("/v1/ai/chat", json=HELLO, headers=client_user.headers)

    assert response.status_code == 403
    assert response.json()["error"]["details"] == [{"scope": "ai:use"}]
    assert fake_openai.requests == []


async def test_no_api_key_answers_503_naming_the_setting(start_ai, fake_openai):
    user = await create_signed_in()

    async with start_ai(openai_api_key="") as ai:
        response = await ai.post("/v1/ai/chat", json=HELLO, headers=user.headers)

    assert response.status_code == 503
    assert "AI_SERVICE_OPENAI_API_KEY" in response.json()["error"]["message"]
    assert fake_openai.requests == []


async def test_requests_over_the_accounts_rate_limit_answer_429_with_retry_after(start_ai):
    user = await create_signed_in()

    async with start_ai(rate_limit_requests=2, rate_limit_window_seconds=60) as ai:
        answers = [await ai.post("/v1/ai/chat", json=HELLO, headers=user.headers) for _ in range(3)]

    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert 0 < int(answers[2].headers["retry-after"]) <= 60


async def test_the_rate_limit_counts_each_account_apart(start_ai):
    busy = await create_signed_in()
    other = await create_signed_in()

    async with start_ai(rate_limit_requests=1) as ai:
        await ai.post("/v1/ai/chat", json=HELLO, headers=busy.headers)
        response = await ai.post("/v1/ai/chat", json=HELLO, headers=other.headers)

    assert response.status_code == 200


async def test_an_account_past_its_monthly_token_cap_answers_402(start_ai, fake_openai):
    user = await create_signed_in()
    await create_usage(user.account, tokens_in=600, tokens_out=400)

    async with start_ai(monthly_token_cap=1000) as ai:
        response = await ai.post("/v1/ai/chat", json=HELLO, headers=user.headers)

    assert response.status_code == 402
    assert response.json()["error"]["code"] == "ai_monthly_cap_reached"
    assert "used 1,000 of the 1,000 AI tokens for this month" in response.json()["error"]["message"]
    assert fake_openai.requests == []


async def test_last_months_tokens_do_not_count_against_the_cap(start_ai):
    user = await create_signed_in()
    await create_usage(user.account, days_ago=40, tokens_in=5000)

    async with start_ai(monthly_token_cap=1000) as ai:
        response = await ai.post("/v1/ai/chat", json=HELLO, headers=user.headers)

    assert response.status_code == 200
