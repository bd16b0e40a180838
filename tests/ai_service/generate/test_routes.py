"""POST /v1/ai/generate/{kind}: typed inputs, a versioned prompt, a schema-constrained answer."""

import json

import pytest

from ai_service.generate.kinds import KINDS
from shared.models.ai_usage import AiUsage
from tests.ai_service.fake_openai import Reply
from tests.factories import create_signed_in

# A valid body and a valid model answer for each kind.
EXAMPLES = {
    "review-reply": (
        {"business_name": "Bella Pizza", "rating": 2, "review_text": "Cold pizza."},
        {"reply": "Sorry about that."},
    ),
    "email-draft": (
        {"business_name": "Bella Pizza", "purpose": "Invite to the reopening."},
        {"subject": "We reopen Friday", "body": "Hi, ..."},
    ),
    "sms-draft": (
        {"business_name": "Bella Pizza", "purpose": "Order ready."},
        {"text": "Your order is ready."},
    ),
    "social-post": (
        {"business_name": "Bella Pizza", "topic": "New oven", "platform": "instagram"},
        {"text": "Our new oven is here.", "hashtags": ["#pizza"]},
    ),
    "seo-meta": (
        {"business_name": "Bella Pizza", "page_content": "Wood-fired pizza in Leeds."},
        {"title": "Bella Pizza, Leeds", "meta_description": "Wood-fired pizza."},
    ),
    "conversation-summary": (
        {"messages": [{"sender": "customer", "text": "Can I book for 6?"}]},
        {"summary": "A booking for six.", "next_steps": ["Confirm the booking"]},
    ),
    "contact-note-summary": (
        {"contact_name": "Ada", "notes": ["Wants a quote for catering."]},
        {"summary": "Ada wants a catering quote."},
    ),
}
SEO_INPUT, SEO_OUTPUT = EXAMPLES["seo-meta"]


def answering(result: dict) -> Reply:
    return Reply(content=json.dumps(result))


def test_every_kind_has_an_example():
    assert EXAMPLES.keys() == KINDS.keys()


@pytest.mark.parametrize("kind", EXAMPLES)
async def test_each_kind_answers_its_result(ai, fake_openai, kind):
    user = await create_signed_in()
    body, result = EXAMPLES[kind]
    fake_openai.queue(answering(result))

    response = await ai.post(f"/v1/ai/generate/{kind}", json=body, headers=user.headers)

    assert response.status_code == 200
    assert response.json()["result"] == result


async def test_the_answer_names_the_kind_prompt_version_model_and_tokens(ai, fake_openai):
    user = await create_signed_in()
    fake_openai.queue(Reply(content=json.dumps(SEO_OUTPUT), tokens_in=30, tokens_out=9))

    response = await ai.post("/v1/ai/generate/seo-meta", json=SEO_INPUT, headers=user.headers)

    answer = response.json()
    assert (answer["kind"], answer["prompt_version"], answer["model"]) == (
        "seo-meta",
        "seo_meta.v1",
        "gpt-test-2024",
    )
    assert answer["usage"] == {"tokens_in": 30, "tokens_out": 9}


async def test_the_provider_is_asked_for_the_kinds_json_schema(ai, fake_openai):
    user = await create_signed_in()
    fake_openai.queue(answering(SEO_OUTPUT))

    await ai.post("/v1/ai/generate/seo-meta", json=SEO_INPUT, headers=user.headers)

    response_format = fake_openai.last_request.body["response_format"]
    assert response_format["type"] == "json_schema"
    assert response_format["json_schema"]["strict"] is True
    schema = response_format["json_schema"]["schema"]
    assert schema["required"] == ["title", "meta_description"]
    assert schema["additionalProperties"] is False
    assert schema["properties"]["title"]["maxLength"] == 60
    assert schema["properties"]["meta_description"]["maxLength"] == 160


async def test_the_prompt_is_rendered_from_the_inputs(ai, fake_openai):
    user = await create_signed_in()
    fake_openai.queue(answering(SEO_OUTPUT))
    body = {**SEO_INPUT, "keywords": ["wood-fired", "Leeds"]}

    await ai.post("/v1/ai/generate/seo-meta", json=body, headers=user.headers)

    system, prompt = fake_openai.last_request.body["messages"]
    assert system["role"] == "system"
    assert prompt["role"] == "user"
    assert "Bella Pizza's website" in prompt["content"]
    assert "Wood-fired pizza in Leeds." in prompt["content"]
    assert "these keywords where they read naturally: wood-fired, Leeds." in prompt["content"]


async def test_a_generation_is_recorded_as_usage_under_its_kind(ai, fake_openai):
    user = await create_signed_in()
    fake_openai.queue(answering(SEO_OUTPUT))

    await ai.post("/v1/ai/generate/seo-meta", json=SEO_INPUT, headers=user.headers)

    usage = await AiUsage.find_one({"account_id": user.account.id})
    assert usage.feature == "seo-meta"


async def test_an_unknown_kind_answers_404(ai, fake_openai):
    user = await create_signed_in()

    response = await ai.post("/v1/ai/generate/poem", json={}, headers=user.headers)

    assert response.status_code == 404
    assert "seo-meta" in response.json()["error"]["message"]
    assert fake_openai.requests == []


async def test_bad_inputs_answer_422_naming_each_field(ai, fake_openai):
    user = await create_signed_in()
    body = {"business_name": "Bella Pizza", "rating": 9, "surprise": True}

    response = await ai.post("/v1/ai/generate/review-reply", json=body, headers=user.headers)

    assert response.status_code == 422
    fields = {detail["field"] for detail in response.json()["error"]["details"]}
    assert fields == {"body.rating", "body.review_text", "body.surprise"}
    assert fake_openai.requests == []


async def test_an_answer_breaking_the_schema_answers_502(ai, fake_openai):
    user = await create_signed_in()
    fake_openai.queue(answering({"title": "x" * 61, "meta_description": "Fine."}))

    response = await ai.post("/v1/ai/generate/seo-meta", json=SEO_INPUT, headers=user.headers)

    assert response.status_code == 502
    assert response.json()["error"]["details"][0]["field"] == "title"
