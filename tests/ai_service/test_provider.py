"""Provider errors, once the SDK's retries are spent, answer as ours: 429, 502 or 504."""

from tests.ai_service.conftest import HELLO
from tests.ai_service.fake_openai import Reply
from tests.factories import create_signed_in

# Both headers, as OpenAI sends them: the SDK waits the milliseconds, we tell the seconds.
RATE_LIMITED = Reply(status=429, headers={"retry-after-ms": "10", "retry-after": "7"})


async def test_a_provider_429_is_retried_and_the_retry_answers(start_ai, fake_openai):
    user = await create_signed_in()
    fake_openai.queue(RATE_LIMITED, Reply(content="Done."))

    async with start_ai(openai_max_retries=1) as ai:
        response = await ai.post("/v1/ai/chat", json=HELLO, headers=user.headers)

    assert (response.status_code, response.json()["content"]) == (200, "Done.")
    assert len(fake_openai.requests) == 2


async def test_a_provider_429_after_every_retry_answers_429_with_its_retry_after(
    start_ai, fake_openai
):
    user = await create_signed_in()
    fake_openai.queue(RATE_LIMITED, RATE_LIMITED)

    async with start_ai(openai_max_retries=1) as ai:
        response = await ai.post("/v1/ai/chat", json=HELLO, headers=user.headers)

    assert response.status_code == 429
    assert response.headers["retry-after"] == "7"
    assert len(fake_openai.requests) == 2


async def test_a_provider_429_without_retry_after_answers_a_default_wait(ai, fake_openai):
    user = await create_signed_in()
    fake_openai.queue(Reply(status=429))

    response = await ai.post("/v1/ai/chat", json=HELLO, headers=user.headers)

    assert int(response.headers["retry-after"]) > 0


async def test_a_provider_that_does_not_answer_in_time_answers_504(start_ai, fake_openai):
    user = await create_signed_in()
    fake_openai.queue(Reply(delay_seconds=1))

    async with start_ai(openai_timeout_seconds=0.2) as ai:
        response = await ai.post("/v1/ai/chat", json=HELLO, headers=user.headers)

    assert response.status_code == 504
    assert response.json()["error"]["code"] == "gateway_timeout"


async def test_a_provider_error_answers_502(ai, fake_openai):
    user = await create_signed_in()
    fake_openai.queue(Reply(status=500))

    response = await ai.post("/v1/ai/chat", json=HELLO, headers=user.headers)

    assert response.status_code == 502
    assert response.json()["error"]["message"] == "The AI provider answered 500."


async def test_an_unreachable_provider_answers_502(start_ai):
    user = await create_signed_in()

    async with start_ai(openai_base_url="http://127.0.0.1:9/v1") as ai:
        response = await ai.post("/v1/ai/chat", json=HELLO, headers=user.headers)

    assert response.status_code == 502
    assert response.json()["error"]["message"] == "The AI provider could not be reached."
