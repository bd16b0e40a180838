"""Through the router as the dashboard and the providers reach it: a session sends an email,
and a provider's webhook passes without one."""

from collections.abc import AsyncIterator

import httpx
import pytest

from notifications.app import create_app
from router.app import create_app as create_router
from router.settings import RouterSettings
from shared.models.membership import Role
from shared.models.notification_delivery import NotificationDelivery
from shared.utilities.signatures import sign_twilio
from tests.factories import create_signed_in
from tests.notifications.conftest import PUBLIC_URL, TWILIO_TOKEN, configured_settings
from tests.notifications.factories import create_delivery, settled

LEAD = {"lead_name": "Grace", "source": "ads", "lead_url": "https://x.test/1"}
NO_LIMITS = {f"rate_limit_per_{kind}": "" for kind in ("account", "session", "ip")}


@pytest.fixture
async def router(serve, fake_providers, render_pool, mongo) -> AsyncIterator[httpx.AsyncClient]:
    notifications = create_app(configured_settings(), fake_providers.transport(), render_pool)
    async with serve(notifications) as notifications_url:
        settings = RouterSettings(notifications_url=notifications_url, **NO_LIMITS)
        async with (
            serve(create_router(settings)) as router_url,
            httpx.AsyncClient(base_url=router_url, timeout=30) as client,
        ):
            yield client


async def test_a_signed_in_owner_emails_a_user_of_the_account_through_the_router(
    router, fake_providers
):
    owner = await create_signed_in()

    answer = await router.post(
        "/v1/notifications/email",
        json={"user_id": str(owner.user.id), "event": "new_lead", "data": LEAD},
        headers={"x-session-id": owner.session_id},
    )

    assert answer.status_code == 202, answer.text
    assert (await settled(answer.json()["id"])).status == "sent"
    assert answer.json()["requested_by"] == str(owner.user.id)
    assert fake_providers.requests["sendgrid"][0].json()["personalizations"] == [
        {"to": [{"email": owner.user.email}]}
    ]


async def test_a_member_may_not_send(router, fake_providers):
    member = await create_signed_in(role=Role.MEMBER)

    answer = await router.post(
        "/v1/notifications/email",
        json={"user_id": str(member.user.id), "event": "new_lead", "data": LEAD},
        headers={"x-session-id": member.session_id},
    )

    assert answer.status_code == 403
    assert answer.json()["error"]["details"] == [{"scope": "notifications:write"}]
    assert await NotificationDelivery.find({"account_id": member.account.id}).count() == 0


async def test_sending_without_a_session_is_refused_by_the_router(router):
    answer = await router.post("/v1/notifications/email", json={})

    assert answer.status_code == 401


async def test_twilios_status_callback_passes_the_router_without_a_session(router):
    member = await create_signed_in()
    delivery = await create_delivery(
        member.account,
        channel="sms",
        to="+14155550100",
        status="sent",
        provider="twilio",
        provider_message_id="SM" + "2" * 32,
    )
    form = {"MessageSid": "SM" + "2" * 32, "MessageStatus": "delivered"}
    url = PUBLIC_URL + "/v1/notifications/webhooks/twilio"

    answer = await router.post(
        "/v1/notifications/webhooks/twilio",
        data=form,
        headers={"X-Twilio-Signature": sign_twilio(TWILIO_TOKEN, url, form)},
    )

    assert answer.status_code == 204, answer.text
    await delivery.sync()
    assert delivery.status == "delivered"
