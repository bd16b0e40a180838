"""POST /v1/ai/chat: the request the SDK sends, the answer, and the answer streamed."""

import asyncio

from shared.models.ai_usage import AiUsage
from tests.ai_service.conftest import API_KEY, HELLO, MODEL, server_sent_events
from tests.ai_service.fake_openai import Reply
from tests.factories import create_signed_in

CONVERSATION = {
    "messages": [
        {"role": "system", "content": "You answer briefly."},
        {"role": "user", "content": "What are your opening hours?"},
    ]
}


async def test_the_provider_gets_the_model_the_messages_and_the_key(ai, fake_openai):
    user = await create_signed_in()

    await ai.post("/v1/ai/chat", json=CONVERSATION, headers=user.headers)

    sent = fake_openai.last_request
    assert sent.body["model"] == MODEL
    assert sent.body["messages"] == CONVERSATION["messages"]
    assert sent.headers["authorization"] == f"Bearer {API_KEY}"


async def test_the_answer_carries_the_content_model_and_tokens(ai, fake_openai):
    user = await create_signed_in()
    fake_openai.queue(Reply(content="9 to 5.", model="gpt-test-1", tokens_in=20, tokens_out=4))

    response = await ai.post("/v1/ai/chat", json=CONVERSATION, headers=user.headers)

    assert response.status_code == 200
    assert response.json() == {
        "content": "9 to 5.",
        "model": "gpt-test-1",
        "usage": {"tokens_in": 20, "tokens_out": 4},
    }


async def test_an_answer_is_recorded_as_the_accounts_usage(ai, fake_openai):
    user = await create_signed_in()
    fake_openai.queue(Reply(tokens_in=20, tokens_out=4))

    await ai.post("/v1/ai/chat", json=HELLO, headers=user.headers)

    usage = await AiUsage.find_one({"account_id": user.account.id})
    assert (usage.feature, usage.user_id, usage.tokens_in, usage.tokens_out) == (
        "chat",
        str(user.user.id),
        20,
        4,
    )


async def test_a_message_holding_a_control_character_is_refused_before_the_model(ai, fake_openai):
    user = await create_signed_in()
    body = {"messages": [{"role": "user", "content": "Hello\x00"}]}

    response = await ai.post("/v1/ai/chat", json=body, headers=user.headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.messages.0.content"
    assert fake_openai.requests == []


async def test_a_message_with_an_unknown_field_is_refused(ai, fake_openai):
    user = await create_signed_in()
    body = {"messages": [{"role": "user", "content": "Hello", "name": "x"}]}

    response = await ai.post("/v1/ai/chat", json=body, headers=user.headers)

    assert response.status_code == 422
    assert fake_openai.requests == []


async def test_an_empty_conversation_answers_422_naming_the_field(ai):
    user = await create_signed_in()

    response = await ai.post("/v1/ai/chat", json={"messages": []}, headers=user.headers)

    assert response.status_code == 422
    assert [detail["field"] for detail in response.json()["error"]["details"]] == ["body.messages"]


async def test_a_streamed_answer_comes_as_deltas_then_done(ai, fake_openai):
    user = await create_signed_in()
    fake_openai.queue(Reply(content="Open nine to five.", tokens_in=20, tokens_out=4))

    response = await ai.post("/v1/ai/chat", json={**HELLO, "stream": True}, headers=user.headers)

    assert response.headers["content-type"].startswith("text/event-stream")
    assert server_sent_events(response.text) == [
        ("delta", {"content": "Open "}),
        ("delta", {"content": "nine "}),
        ("delta", {"content": "to "}),
        ("delta", {"content": "five."}),
        ("done", {"model": "gpt-test-2024", "usage": {"tokens_in": 20, "tokens_out": 4}}),
    ]


async def test_a_stream_asks_the_provider_for_its_token_counts(ai, fake_openai):
    user = await create_signed_in()

    await ai.post("/v1/ai/chat", json={**HELLO, "stream": True}, headers=user.headers)

    sent = fake_openai.last_request.body
    assert (sent["stream"], sent["stream_options"]) == (True, {"include_usage": True})


async def test_a_streamed_answer_is_recorded_as_usage_when_it_ends(ai, fake_openai):
    user = await create_signed_in()
    fake_openai.queue(Reply(tokens_in=20, tokens_out=4))

    await ai.post("/v1/ai/chat", json={**HELLO, "stream": True}, headers=user.headers)

    usage = await AiUsage.find_one({"account_id": user.account.id})
    assert (usage.tokens_in, usage.tokens_out) == (20, 4)


async def test_a_delta_reaches_the_client_before_the_provider_sends_the_next(ai, fake_openai):
    user = await create_signed_in()
    fake_openai.queue(Reply(content="First second third"))
    fake_openai.stream_gate.clear()  # the fake holds everything after "First "

    async with ai.stream(
        "POST", "/v1/ai/chat", json={**HELLO, "stream": True}, headers=user.headers
    ) as response:
        lines = response.aiter_lines()
        first = [await anext(lines), await anext(lines)]
        fake_openai.stream_gate.set()
        rest = [line async for line in lines]

    assert first == ["event: delta", 'data: {"content": "First "}']
    assert "event: done" in rest


async def test_a_client_disconnect_closes_the_providers_stream(ai, fake_openai):
    user = await create_signed_in()
    fake_openai.queue(Reply(content="First second third"))
    fake_openai.stream_gate.clear()  # the rest never comes: only a disconnect ends the stream

    async with ai.stream(
        "POST", "/v1/ai/chat", json={**HELLO, "stream": True}, headers=user.headers
    ) as response:
        await anext(response.aiter_lines())

    await asyncio.wait_for(fake_openai.stream_closed_early.wait(), timeout=5)


async def test_a_provider_failure_before_the_stream_starts_keeps_its_status(ai, fake_openai):
    user = await create_signed_in()
    fake_openai.queue(Reply(status=500))

    response = await ai.post("/v1/ai/chat", json={**HELLO, "stream": True}, headers=user.headers)

    assert response.status_code == 502


async def test_a_stream_the_provider_breaks_off_ends_with_an_error_event(ai, fake_openai):
    user = await create_signed_in()
    fake_openai.queue(Reply(content="First second third", breaks_off=True))

    response = await ai.post("/v1/ai/chat", json={**HELLO, "stream": True}, headers=user.headers)

    events = server_sent_events(response.text)
    assert events[0] == ("delta", {"content": "First "})
    assert events[-1][0] == "error"
    assert events[-1][1]["error"]["code"] == "bad_gateway"
