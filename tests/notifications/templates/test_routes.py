"""/v1/notifications/templates: the account's own templates over the default set."""

import pytest

from notifications.app import create_app
from shared.models.notification_template import NotificationTemplate
from tests.factories import create_account
from tests.notifications.conftest import configured_settings
from tests.notifications.factories import create_template, headers_for
from tests.notifications.templates.conftest import ENDLESS

WRITER = ("notifications:read", "account:write")
NEWSLETTER = {
    "event": "newsletter",
    "channel": "email",
    "subject": "News from {{ brand.name }}",
    "text": "Hello {{ first_name }}",
    "html": "<p>Hello {{ first_name }}</p>",
    "marketing": True,
}


async def test_the_default_set_covers_the_platforms_events(notifications):
    account = await create_account()

    answer = await notifications.get(
        "/v1/notifications/templates/defaults", headers=headers_for(account)
    )

    assert answer.status_code == 200
    assert {template["event"] for template in answer.json()} == {
        "invitation",
        "email_verification",
        "password_reset",
        "new_lead",
        "new_message",
        "task_assigned",
        "document_to_sign",
        "document_reminder",
        "task_mentioned",
        "task_due",
        "booking_confirmed",
        "booking_rescheduled",
        "booking_cancelled",
        "booking_reminder",
        "booking_reminder_sms",
        "host_booking_scheduled",
        "host_booking_cancelled",
        "support_message",
        "support_waiting",
        "onebalance_low_balance",
        "onebalance_reload_failed",
        "domain_verification_failed",
        "domain_certificate_expiring",
        "review_request",
        "review_alert",
        "reviews_digest",
        "affiliate_invitation",
        "client_report",
    }
    assert all(template["is_default"] for template in answer.json())


async def test_an_admin_creates_a_template(notifications):
    account = await create_account()

    answer = await notifications.post(
        "/v1/notifications/templates", json=NEWSLETTER, headers=headers_for(account, *WRITER)
    )

    assert answer.status_code == 201, answer.text
    assert answer.json()["marketing"] is True
    assert answer.json()["is_default"] is False


async def test_creating_templates_needs_account_write(notifications):
    account = await create_account()

    answer = await notifications.post(
        "/v1/notifications/templates", json=NEWSLETTER, headers=headers_for(account)
    )

    assert answer.status_code == 403


async def test_a_second_template_for_the_same_event_and_channel_conflicts(notifications):
    account = await create_account()
    await create_template(account, event="newsletter")

    answer = await notifications.post(
        "/v1/notifications/templates", json=NEWSLETTER, headers=headers_for(account, *WRITER)
    )

    assert answer.status_code == 409


async def test_invalid_jinja2_is_refused_naming_the_field(notifications):
    account = await create_account()

    answer = await notifications.post(
        "/v1/notifications/templates",
        json={**NEWSLETTER, "html": "<p>{% for %}</p>"},
        headers=headers_for(account, *WRITER),
    )

    assert answer.status_code == 422
    assert answer.json()["error"]["details"][0]["field"] == "body.html"


async def test_html_is_refused_for_sms(notifications):
    account = await create_account()

    answer = await notifications.post(
        "/v1/notifications/templates",
        json={**NEWSLETTER, "channel": "sms"},
        headers=headers_for(account, *WRITER),
    )

    assert answer.status_code == 422
    assert answer.json()["error"]["details"][0]["field"] == "body.html"


async def test_a_template_is_changed_and_its_syntax_checked(notifications):
    account = await create_account()
    template = await create_template(account)
    path = f"/v1/notifications/templates/{template.id}"

    changed = await notifications.patch(
        path, json={"text": "Hi {{ first_name }}!"}, headers=headers_for(account, *WRITER)
    )
    refused = await notifications.patch(
        path, json={"text": "{{ oops"}, headers=headers_for(account, *WRITER)
    )

    assert changed.status_code == 200
    assert changed.json()["text"] == "Hi {{ first_name }}!"
    assert changed.json()["subject"] == template.subject
    assert refused.status_code == 422


async def test_an_accounts_own_template_replaces_the_default_in_the_preview(notifications):
    account = await create_account(name="Acme")
    await create_template(
        account, event="new_lead", channel="sms", html="", text="Lead! {{ lead_name }}"
    )

    answer = await notifications.post(
        "/v1/notifications/templates/preview",
        json={"event": "new_lead", "channel": "sms", "data": {"lead_name": "Grace"}},
        headers=headers_for(account),
    )

    assert answer.status_code == 200
    assert answer.json()["text"] == "Lead! Grace"


async def test_deleting_the_accounts_template_brings_the_default_back(notifications):
    account = await create_account(name="Acme")
    template = await create_template(account, event="new_lead", channel="sms", html="", text="Mine")
    preview = {
        "event": "new_lead",
        "channel": "sms",
        "data": {"lead_name": "Grace", "source": "ads"},
    }

    deleted = await notifications.delete(
        f"/v1/notifications/templates/{template.id}", headers=headers_for(account, *WRITER)
    )
    answer = await notifications.post(
        "/v1/notifications/templates/preview", json=preview, headers=headers_for(account)
    )

    assert deleted.status_code == 204
    assert answer.json()["text"] == "Acme: new lead Grace from ads"


async def test_another_accounts_template_answers_404(notifications):
    account, other = await create_account(), await create_account()
    template = await create_template(other)

    answer = await notifications.get(
        f"/v1/notifications/templates/{template.id}", headers=headers_for(account)
    )

    assert answer.status_code == 404


async def test_the_list_holds_the_accounts_own_templates_only(notifications):
    account, other = await create_account(), await create_account()
    await create_template(account)
    await create_template(other)

    answer = await notifications.get("/v1/notifications/templates", headers=headers_for(account))

    assert answer.json()["pagination"]["total"] == 1
    assert answer.json()["data"][0]["event"] == "newsletter"


async def test_a_preview_of_an_event_without_a_template_answers_404(notifications):
    account = await create_account()

    answer = await notifications.post(
        "/v1/notifications/templates/preview",
        json={"event": "nothing_here", "channel": "push"},
        headers=headers_for(account),
    )

    assert answer.status_code == 404


async def test_a_template_lists_the_variables_a_send_must_give(notifications):
    account = await create_account()
    await create_template(
        account,
        subject="Hi {{ first_name }}",
        text="{{ greeting|default('Hello') }} {{ first_name }}, your code is {{ code }}",
        html="",
    )

    answer = await notifications.get("/v1/notifications/templates", headers=headers_for(account))

    (template,) = answer.json()["data"]
    assert template["required_variables"] == ["code", "first_name"]
    assert template["optional_variables"] == ["greeting"]


async def test_the_default_set_lists_its_variables(notifications):
    account = await create_account()

    answer = await notifications.get(
        "/v1/notifications/templates/defaults", headers=headers_for(account)
    )

    new_lead_sms = next(
        template
        for template in answer.json()
        if (template["event"], template["channel"]) == ("new_lead", "sms")
    )
    assert new_lead_sms["required_variables"] == ["lead_name", "source"]


async def test_openapi_documents_the_required_variables(notifications):
    schemas = (await notifications.get("/openapi.json")).json()["components"]["schemas"]

    assert "required_variables" in schemas["TemplateRead"]["properties"]
    assert "required_variables" in schemas["DefaultTemplateRead"]["properties"]


@pytest.mark.parametrize(
    "text",
    [
        "{{ 'x' * 1000000000 }}",
        "{% for i in range(100000) %}{% endfor %}",
        "{% for i in range(10000) %}{% for j in range(10000) %}{{ i }}{% endfor %}{% endfor %}",
    ],
)
async def test_a_template_over_a_limit_whatever_its_data_is_refused_when_saved(notifications, text):
    account = await create_account()

    answer = await notifications.post(
        "/v1/notifications/templates",
        json={**NEWSLETTER, "text": text},
        headers=headers_for(account, *WRITER),
    )

    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "template_over_limit"
    assert answer.json()["error"]["details"][0]["field"] == "body.text"
    assert await NotificationTemplate.find({"account_id": account.id}).count() == 0


async def test_a_change_that_puts_a_template_over_a_limit_is_refused(notifications):
    account = await create_account()
    template = await create_template(account)

    answer = await notifications.patch(
        f"/v1/notifications/templates/{template.id}",
        json={"subject": "{{ 'x' * 1000000000 }}"},
        headers=headers_for(account, *WRITER),
    )

    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "template_over_limit"
    await template.sync()
    assert template.subject == "News from {{ brand.name }}"


async def test_a_template_that_only_some_data_makes_fail_is_saved(notifications):
    account = await create_account()

    answer = await notifications.post(
        "/v1/notifications/templates",
        json={**NEWSLETTER, "text": "{{ first_name * count }} {{ when|date }}"},
        headers=headers_for(account, *WRITER),
    )

    assert answer.status_code == 201, answer.text
    assert answer.json()["required_variables"] == ["count", "first_name", "when"]


async def test_an_unknown_filter_is_refused_when_saved(notifications):
    account = await create_account()

    answer = await notifications.post(
        "/v1/notifications/templates",
        json={**NEWSLETTER, "text": "{{ first_name|shout }}"},
        headers=headers_for(account, *WRITER),
    )

    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "invalid_template"


async def test_a_preview_missing_variables_names_each_one(notifications):
    account = await create_account()

    answer = await notifications.post(
        "/v1/notifications/templates/preview",
        json={"event": "new_lead", "channel": "email", "data": {"source": "ads"}},
        headers=headers_for(account),
    )

    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "missing_variables"
    assert [detail["field"] for detail in answer.json()["error"]["details"]] == [
        "body.data.lead_name",
        "body.data.lead_url",
    ]


async def test_a_template_out_of_time_whatever_its_data_is_refused_when_saved(
    client_for, fake_providers, mongo
):
    account = await create_account()

    # Its own render workers, with the time limit of its settings.
    app = create_app(configured_settings(render_timeout_seconds=1), fake_providers.transport())
    async with client_for(app) as client:
        answer = await client.post(
            "/v1/notifications/templates",
            json={**NEWSLETTER, "text": ENDLESS},
            headers=headers_for(account, *WRITER),
        )

    assert answer.status_code == 422
    assert answer.json()["error"]["details"] == [
        {"field": "template", "message": "it takes longer than 1 s to render"}
    ]
    assert await NotificationTemplate.find({"account_id": account.id}).count() == 0
