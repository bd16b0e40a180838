"""GET /v1/ai/usage and /v1/ai/usage/month: the active account's usage, and only its own."""

from shared.models.membership import Role
from tests.ai_service.conftest import HELLO, create_usage
from tests.factories import create_signed_in


async def test_the_list_holds_the_accounts_requests_newest_first(ai):
    user = await create_signed_in()
    await create_usage(user.account, days_ago=2, feature="chat")
    await create_usage(user.account, days_ago=1, feature="seo-meta")

    response = await ai.get("/v1/ai/usage", headers=user.headers)

    assert response.status_code == 200
    assert [usage["feature"] for usage in response.json()["data"]] == ["seo-meta", "chat"]
    assert response.json()["pagination"]["total"] == 2


async def test_the_list_is_paginated(ai):
    user = await create_signed_in()
    for days_ago in range(3):
        await create_usage(user.account, days_ago=days_ago)

    response = await ai.get("/v1/ai/usage?page=2&limit=2", headers=user.headers)

    assert len(response.json()["data"]) == 1
    assert response.json()["pagination"] == {"page": 2, "limit": 2, "total": 3, "next_page": None}


async def test_a_chat_shows_in_the_list_with_its_tokens(ai):
    user = await create_signed_in()
    await ai.post("/v1/ai/chat", json=HELLO, headers=user.headers)

    response = await ai.get("/v1/ai/usage", headers=user.headers)

    (usage,) = response.json()["data"]
    assert (usage["feature"], usage["tokens_in"], usage["tokens_out"]) == ("chat", 12, 5)


async def test_an_account_never_sees_another_accounts_usage(ai):
    account_a = await create_signed_in()
    account_b = await create_signed_in()
    await create_usage(account_a.account, tokens_in=100)

    listed = await ai.get("/v1/ai/usage", headers=account_b.headers)
    month = await ai.get("/v1/ai/usage/month", headers=account_b.headers)

    assert listed.json()["data"] == []
    assert month.json()["tokens"] == 0


async def test_the_monthly_total_sums_this_months_tokens_against_the_cap(start_ai):
    user = await create_signed_in()
    await create_usage(user.account, tokens_in=100, tokens_out=50)
    await create_usage(user.account, tokens_in=10, tokens_out=5)
    await create_usage(user.account, days_ago=40, tokens_in=1000)

    async with start_ai(monthly_token_cap=1000) as ai:
        response = await ai.get("/v1/ai/usage/month", headers=user.headers)

    total = response.json()
    assert (total["tokens_in"], total["tokens_out"], total["tokens"]) == (110, 55, 165)
    assert (total["cap"], total["remaining"]) == (1000, 835)


async def test_without_a_cap_the_monthly_total_has_no_remaining(ai):
    user = await create_signed_in()

    response = await ai.get("/v1/ai/usage/month", headers=user.headers)

    assert (response.json()["cap"], response.json()["remaining"]) == (None, None)


async def test_reading_usage_needs_the_ai_use_scope(ai):
    client_user = await create_signed_in(role=Role.CLIENT)

    response = await ai.get("/v1/ai/usage", headers=client_user.headers)

    assert response.status_code == 403
