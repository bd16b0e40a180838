"""Each account may make a number of maps requests per UTC day."""

from tests.factories import user_headers

AUTOCOMPLETE = "/v1/maps/places/autocomplete?input=Paris"


async def test_a_request_past_the_accounts_daily_quota_answers_429(start_maps, headers):
    async with start_maps(daily_requests_per_account=2) as maps:
        for _ in range(2):
            await maps.get(AUTOCOMPLETE, headers=headers)

        response = await maps.get(AUTOCOMPLETE, headers=headers)

    assert response.status_code == 429
    assert 0 < int(response.headers["retry-after"]) <= 24 * 3600


async def test_another_account_has_its_own_quota(start_maps):
    async with start_maps(daily_requests_per_account=1) as maps:
        await maps.get(AUTOCOMPLETE, headers=user_headers("account-a"))

        response = await maps.get(AUTOCOMPLETE, headers=user_headers("account-b"))

    assert response.status_code == 200
