"""Who may send: a user's email and SMS wait until the account's owner has confirmed their
email (the token's `owner_verified`, as the router reads it); services never wait."""

import pytest

from shared.models.base import utc_now
from shared.models.notification_delivery import NotificationDelivery
from shared.models.user import User
from tests.factories import create_contact, create_signed_in, headers_now
from tests.notifications.factories import LEAD, service_headers


@pytest.mark.parametrize("channel", ["email", "sms"])
async def test_a_users_send_waits_until_the_owner_has_confirmed_their_email(notifications, channel):
    owner = await create_signed_in(email_verified_at=None)
    contact = await create_contact(owner.account, phones=["+14155550100"])
    send = {"contact_id": str(contact.id), "event": "new_lead", "data": LEAD}

    refused = await notifications.post(
        f"/v1/notifications/{channel}", json=send, headers=await headers_now(owner.session_id)
    )
    stored_before = await NotificationDelivery.find({}).count()
    await owner.user.set({User.email_verified_at: utc_now()})
    allowed = await notifications.post(
        f"/v1/notifications/{channel}", json=send, headers=await headers_now(owner.session_id)
    )

    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "email_not_verified"
    assert stored_before == 0
    assert allowed.status_code == 202, allowed.text


async def test_a_services_send_never_waits_for_the_owners_email(notifications):
    owner = await create_signed_in(email_verified_at=None)

    response = await notifications.post(
        "/v1/notifications/email",
        json={
            "account_id": str(owner.account.id),
            "to": "someone@example.com",
            "event": "new_lead",
            "data": LEAD,
        },
        headers=service_headers(),
    )

    assert response.status_code == 202, response.text
