"""/v1/notifications/preferences/me: the signed-in user's own preferences."""

from tests.factories import create_account
from tests.notifications.factories import headers_for

PATH = "/v1/notifications/preferences/me"


async def test_a_user_without_preferences_reads_everything_on(notifications):
    account = await create_account()

    answer = await notifications.get(PATH, headers=headers_for(account))

    assert answer.status_code == 200
    assert answer.json()["channels"] == {"email": True, "sms": True, "push": True}
    assert answer.json()["quiet_hours"] is None


async def test_changes_merge_into_what_is_stored(notifications):
    account = await create_account()
    headers = headers_for(account)

    await notifications.patch(
        PATH,
        json={"channels": {"sms": False}, "events": {"new_lead": {"push": False}}},
        headers=headers,
    )
    answer = await notifications.patch(
        PATH,
        json={
            "events": {"new_lead": {"email": False}},
            "quiet_hours": {"start": "22:00", "end": "07:00", "timezone": "Europe/Paris"},
        },
        headers=headers,
    )

    assert answer.status_code == 200, answer.text
    assert answer.json()["channels"] == {"email": True, "sms": False, "push": True}
    assert answer.json()["events"] == {"new_lead": {"push": False, "email": False}}
    assert answer.json()["quiet_hours"]["timezone"] == "Europe/Paris"


async def test_quiet_hours_null_turns_them_off(notifications):
    account = await create_account()
    headers = headers_for(account)
    quiet = {"start": "22:00", "end": "07:00", "timezone": "UTC"}
    await notifications.patch(PATH, json={"quiet_hours": quiet}, headers=headers)

    answer = await notifications.patch(PATH, json={"quiet_hours": None}, headers=headers)

    assert answer.json()["quiet_hours"] is None


async def test_an_unknown_timezone_is_refused(notifications):
    account = await create_account()

    answer = await notifications.patch(
        PATH,
        json={"quiet_hours": {"start": "22:00", "end": "07:00", "timezone": "Mars/Olympus"}},
        headers=headers_for(account),
    )

    assert answer.status_code == 422
    assert answer.json()["error"]["details"][0]["field"] == "body.quiet_hours.timezone"


async def test_a_badly_written_time_is_refused(notifications):
    account = await create_account()

    answer = await notifications.patch(
        PATH,
        json={"quiet_hours": {"start": "25:00", "end": "07:00", "timezone": "UTC"}},
        headers=headers_for(account),
    )

    assert answer.status_code == 422


async def test_preferences_are_per_user(notifications):
    account = await create_account()
    await notifications.patch(
        PATH, json={"channels": {"email": False}}, headers=headers_for(account, user_id="a" * 24)
    )

    answer = await notifications.get(PATH, headers=headers_for(account, user_id="b" * 24))

    assert answer.json()["channels"]["email"] is True


async def test_preferences_need_a_user(notifications):
    answer = await notifications.get(PATH)

    assert answer.status_code == 401


async def test_an_event_name_that_is_not_one_is_refused(notifications):
    account = await create_account()

    answer = await notifications.patch(
        PATH, json={"events": {"$where": {"email": False}}}, headers=headers_for(account)
    )

    assert answer.status_code == 422
