"""Each account may make a number of maps requests per UTC day, and an agency's accounts
together a number of their own: a sub-account cannot multiply its agency's quota."""

from beanie import PydanticObjectId

from shared.utilities.auth import Principal, TokenKind
from tests.factories import user_headers, user_token

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


def sub_account_headers(agency_id: str) -> dict[str, str]:
    principal = Principal(
        kind=TokenKind.USER, sub="user-1", account_id=str(PydanticObjectId()), agency_id=agency_id
    )
    return {"authorization": f"Bearer {user_token(principal)}"}


async def test_sub_accounts_together_cannot_pass_their_agencys_daily_quota(start_maps):
    agency_id = str(PydanticObjectId())

    async with start_maps(daily_requests_per_account=5, daily_requests_per_agency=2) as maps:
        answers = [
            await maps.get(AUTOCOMPLETE, headers=sub_account_headers(agency_id)) for _ in range(3)
        ]

    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert answers[2].json()["error"]["details"] == [{"limit": "agency", "requests": 2}]


async def test_another_agencys_sub_accounts_have_their_own_quota(start_maps):
    async with start_maps(daily_requests_per_agency=1) as maps:
        await maps.get(AUTOCOMPLETE, headers=sub_account_headers(str(PydanticObjectId())))

        response = await maps.get(
            AUTOCOMPLETE, headers=sub_account_headers(str(PydanticObjectId()))
        )

    assert response.status_code == 200


async def test_requests_refused_by_the_accounts_quota_leave_the_agencys_alone(start_maps):
    agency_id = str(PydanticObjectId())
    busy = sub_account_headers(agency_id)

    async with start_maps(daily_requests_per_account=1, daily_requests_per_agency=2) as maps:
        for _ in range(4):
            await maps.get(AUTOCOMPLETE, headers=busy)
        response = await maps.get(AUTOCOMPLETE, headers=sub_account_headers(agency_id))

    assert response.status_code == 200
