"""An email of the templates library sent to a contact: its subject and sanitised HTML
rendered with the send's merge fields, as SendGrid receives them; offered templates only."""

from shared.models.notification_delivery import NotificationDelivery
from shared.models.template import Template, TemplateKind
from tests.factories import create_account, create_contact, create_sub_account
from tests.notifications.factories import headers_for, settled

WELCOME = '<h1>Welcome, {{ first_name }}</h1><p>Your guide: <a href="https://x.test/g">here</a></p>'


async def create_email_template(owner, **overrides) -> Template:
    fields = {
        "account_id": owner.id if owner else None,
        "kind": TemplateKind.EMAIL,
        "name": "Welcome",
        "category": "newsletter",
        "subject": "Welcome, {{ first_name }}!",
        "html": WELCOME,
    }
    return await Template(**{**fields, **overrides}).insert()


async def send_template(client, account, contact, template, data=None):
    return await client.post(
        "/v1/notifications/email",
        json={
            "contact_id": str(contact.id),
            "event": "welcome",
            "template_id": str(template.id),
            "data": {"first_name": "Grace"} if data is None else data,
        },
        headers=headers_for(account),
    )


async def test_the_sent_email_is_the_templates_content_with_its_merge_fields(
    notifications, fake_providers
):
    account = await create_account()
    contact = await create_contact(account, emails=["grace@example.com"])
    template = await create_email_template(None)  # the platform's

    answer = await send_template(notifications, account, contact, template)

    assert answer.status_code == 202, answer.text
    assert (await settled(answer.json()["id"])).status == "sent"
    sent = fake_providers.requests["sendgrid"][0].json()
    assert sent["subject"] == "Welcome, Grace!"
    assert sent["personalizations"][0]["to"][0]["email"] == "grace@example.com"
    text, html = (part["value"] for part in sent["content"])
    assert text == "Welcome, Grace\nYour guide: here"
    assert "<h1>Welcome, Grace</h1>" in html
    assert 'href="https://x.test/g"' in html


async def test_merge_fields_are_escaped_in_the_html(notifications):
    account = await create_account()
    contact = await create_contact(account)
    template = await create_email_template(account)

    answer = await send_template(
        notifications, account, contact, template, {"first_name": "<script>x()</script>"}
    )

    assert answer.status_code == 202, answer.text
    assert "<h1>Welcome, &lt;script&gt;x()&lt;/script&gt;</h1>" in answer.json()["html"]


async def test_markup_stored_unsanitised_is_sanitised_when_sent(notifications):
    account = await create_account()
    contact = await create_contact(account)
    template = await create_email_template(
        account, html='<p onclick="steal()">Hi</p><img src="x" onerror="steal()"><script>1</script>'
    )

    answer = await send_template(notifications, account, contact, template)

    html = answer.json()["html"]
    assert "<p>Hi</p>" in html
    assert "steal" not in html
    assert "<script>" not in html


async def test_an_agencys_template_is_offered_to_its_sub_account(notifications):
    agency = await create_account()
    client = await create_sub_account(agency)
    contact = await create_contact(client)
    template = await create_email_template(agency)

    answer = await send_template(notifications, client, contact, template)

    assert answer.status_code == 202, answer.text
    assert answer.json()["subject"] == "Welcome, Grace!"


async def test_another_accounts_template_answers_404_and_nothing_is_sent(
    notifications, fake_providers
):
    account = await create_account()
    contact = await create_contact(account)
    template = await create_email_template(await create_account())

    answer = await send_template(notifications, account, contact, template)

    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "template_not_found"
    assert await NotificationDelivery.find({"account_id": account.id}).count() == 0
    assert fake_providers.requests["sendgrid"] == []


async def test_a_page_template_is_no_email_to_send(notifications):
    account = await create_account()
    contact = await create_contact(account)
    template = await create_email_template(account, kind=TemplateKind.PAGE)

    answer = await send_template(notifications, account, contact, template)

    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "template_not_found"
