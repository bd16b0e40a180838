"""OneBalance metering of the account's own email and SMS: charged per email and per SMS
segment when asked for; refused with 402 before anything is stored or sent when the wallet
cannot cover it; given back when the provider refuses it for good; the platform's own messages
are never charged."""

import pytest

from notifications.deliveries.metering import sms_segments
from shared.domain.onebalance import ledger
from shared.models.notification_delivery import NotificationDelivery
from shared.models.notification_template import Channel
from shared.models.onebalance_movement import OnebalanceMovement
from shared.models.onebalance_wallet import OnebalanceWallet
from tests.factories import create_account, create_contact
from tests.notifications.factories import (
    LEAD,
    create_template,
    headers_for,
    service_headers,
    settled,
)
from tests.notifications.fake_providers import sendgrid_error
from tests.onebalance_factories import create_wallet

LONG_TEXT = "Spring sale: " + "x" * 190  # 203 GSM-7 characters: two segments


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("€" * 80, 1),  # an extension character takes two septets: 160
        ("€" * 81, 2),  # 162 septets, in parts of 153
        ("ü" * 70, 1),  # ü is GSM-7
        ("😀" * 35, 1),  # UCS-2: 70 code units
        ("😀" * 36, 2),
    ],
    ids=["gsm-160", "gsm-161", "extension-160", "extension-162", "accented", "ucs2-70", "ucs2-72"],
)
def test_an_sms_is_counted_in_segments_as_carriers_bill_it(text, segments):
    assert sms_segments(text) == segments


async def promotion_to_a_contact(balance: int):
    account = await create_account()
    await create_template(
        account, event="promo", channel=Channel.SMS, subject="", text=LONG_TEXT, html=""
    )
    contact = await create_contact(account, phones=["+14155550100"])
    wallet = await create_wallet(account, balance)
    body = {"contact_id": str(contact.id), "event": "promo", "data": {}}
    return account, wallet, body


async def test_an_sms_the_wallet_cannot_cover_is_refused_and_nothing_is_stored_or_sent(
    notifications, fake_providers
):
    account, wallet, body = await promotion_to_a_contact(balance=1)

    answer = await notifications.post(
        "/v1/notifications/sms", json=body, headers=headers_for(account)
    )

    assert (answer.status_code, answer.json()["error"]["code"]) == (402, "insufficient_balance")
    assert await NotificationDelivery.find({"account_id": account.id}).count() == 0
    assert fake_providers.requests["twilio"] == []
    assert (await OnebalanceWallet.get(wallet.id)).balance == 1


async def test_an_sms_is_charged_per_segment_and_sent(notifications, fake_providers):
    account, wallet, body = await promotion_to_a_contact(balance=10)

    answer = await notifications.post(
        "/v1/notifications/sms", json=body, headers=headers_for(account)
    )

    delivery = await settled(answer.json()["id"])
    movement = await OnebalanceMovement.find_one({"_id": f"sms:{delivery.id}"})
    assert (delivery.status, movement.quantity, movement.amount) == ("sent", 2, -2)
    assert len(fake_providers.requests["twilio"]) == 1
    assert (await ledger.check(wallet)).cached == 8


async def test_an_email_the_provider_refuses_for_good_gives_its_charge_back(
    notifications, fake_providers
):
    account = await create_account()
    await create_template(account, event="newsletter")
    wallet = await create_wallet(account, 5)
    fake_providers.queue("sendgrid", sendgrid_error(400, "The address is invalid"))
    body = {"to": "a@example.com", "event": "newsletter", "data": {"first_name": "Ada"}}

    answer = await notifications.post(
        "/v1/notifications/email",
        json={**body, "account_id": str(account.id)},
        headers=service_headers(),
    )

    assert (await settled(answer.json()["id"])).status == "failed"
    checked = await ledger.check(wallet)
    assert (checked.cached, checked.derived) == (5, 5)
    assert await OnebalanceMovement.find({"kind": "reversal"}).count() == 1


async def test_the_platforms_own_messages_are_not_charged(notifications):
    account = await create_account()
    wallet = await create_wallet(account, 0)
    body = {"to": "owner@example.com", "event": "new_lead", "data": LEAD}

    answer = await notifications.post(
        "/v1/notifications/email",
        json={**body, "account_id": str(account.id)},
        headers=service_headers(),
    )

    assert answer.status_code == 202
    assert (await OnebalanceWallet.get(wallet.id)).balance == 0
