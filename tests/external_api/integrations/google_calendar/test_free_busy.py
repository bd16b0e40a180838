"""Google Calendar's freeBusy, asked for the internal API: the documented request with the
account's token, each calendar's busy times answered; an account without the connection
answers 409 `not_connected`; only the internal API's service token may ask."""

import json

from shared.utilities.auth import authenticator_for, service_token
from shared.utilities.settings import ServiceSettings
from tests.external_api.factories import create_connection
from tests.external_api.fakes import json_answer

FREE_BUSY = "https://www.googleapis.com/calendar/v3/freeBusy"
QUERY = {
    "time_min": "2027-03-28T00:00:00+01:00",
    "time_max": "2027-03-29T00:00:00+02:00",
    "calendar_ids": ["ada@example.com", "grace@example.com"],
}
# As Google documents the answer: busy intervals, or errors for a calendar it cannot read.
ANSWER = {
    "kind": "calendar#freeBusy",
    "timeMin": "2027-03-27T23:00:00.000Z",
    "timeMax": "2027-03-28T22:00:00.000Z",
    "calendars": {
        "ada@example.com": {
            "busy": [{"start": "2027-03-28T08:00:00Z", "end": "2027-03-28T09:30:00Z"}]
        },
        "grace@example.com": {"errors": [{"domain": "global", "reason": "notFound"}], "busy": []},
    },
}


def from_service(name: str = "internal_api") -> dict[str, str]:
    token = service_token(authenticator_for(ServiceSettings()), name, "external_api")
    return {"authorization": f"Bearer {token}"}


def path(account_id: str) -> str:
    return f"/v1/e/google-calendar/accounts/{account_id}/free-busy"


async def test_the_documented_query_is_sent_with_the_accounts_token(external, fake, account_id):
    fake.on("POST", FREE_BUSY, json_answer(ANSWER))
    await create_connection("google-calendar", account_id, access_token="ya29.calendar")

    response = await external.post(path(account_id), json=QUERY, headers=from_service())

    assert response.status_code == 200, response.text
    [sent] = fake.requests
    assert sent.headers["authorization"] == "Bearer ya29.calendar"
    assert json.loads(sent.content) == {
        "timeMin": "2027-03-27T23:00:00Z",
        "timeMax": "2027-03-28T22:00:00Z",
        "items": [{"id": "ada@example.com"}, {"id": "grace@example.com"}],
    }
    calendars = response.json()["calendars"]
    assert calendars["ada@example.com"]["busy"] == [
        {"start": "2027-03-28T08:00:00Z", "end": "2027-03-28T09:30:00Z"}
    ]
    assert calendars["grace@example.com"]["errors"][0]["reason"] == "notFound"


async def test_an_account_without_the_connection_answers_not_connected(external, fake, account_id):
    response = await external.post(path(account_id), json=QUERY, headers=from_service())

    assert (response.status_code, response.json()["error"]["code"]) == (409, "not_connected")
    assert fake.requests == []


async def test_only_the_internal_api_may_ask(external, fake, account_id, admin):
    await create_connection("google-calendar", account_id)

    by_user = await external.post(path(account_id), json=QUERY, headers=admin)
    by_other = await external.post(path(account_id), json=QUERY, headers=from_service("ai_service"))

    assert (by_user.status_code, by_other.status_code) == (401, 403)
    assert fake.requests == []
