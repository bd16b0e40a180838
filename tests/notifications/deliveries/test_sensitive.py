"""Deliveries carrying a secret (password resets, invitations): the log never shows the body,
and it is erased once the delivery is final."""

from tests.factories import create_account
from tests.notifications.factories import create_template, headers_for, service_headers, settled

RESET = {
    "to": "ada@example.com",
    "event": "password_reset",
    "urgent": True,
    "data": {"reset_url": "https://x.test/reset/SECRET", "expires_in_minutes": 30},
}


async def test_a_password_reset_is_sent_whole_but_logged_without_its_body(
    notifications, fake_providers
):
    account = await create_account()

    answer = await notifications.post(
        "/v1/notifications/email",
        json={**RESET, "account_id": str(account.id)},
        headers=service_headers(),
    )
    delivery = await settled(answer.json()["id"])
    logged = await notifications.get(
        f"/v1/notifications/deliveries/{delivery.id}", headers=headers_for(account)
    )

    assert "SECRET" not in answer.text
    assert "SECRET" in fake_providers.requests["sendgrid"][0].content.decode()
    assert logged.json()["sensitive"] is True
    assert (logged.json()["text"], logged.json()["html"]) == ("", "")
    assert "SECRET" not in delivery.text + delivery.html


async def test_an_accounts_own_template_can_be_marked_sensitive(notifications, fake_providers):
    account = await create_account()
    await create_template(
        account, event="login_code", text="Code {{ code }}", html="", sensitive=True
    )

    answer = await notifications.post(
        "/v1/notifications/email",
        json={
            "to": "ada@example.com",
            "event": "login_code",
            "data": {"code": "987654"},
            "account_id": str(account.id),
        },
        headers=service_headers(),
    )
    delivery = await settled(answer.json()["id"])

    assert delivery.sensitive is True
    assert delivery.text == ""
